"""The WordNet 3.0 dictionary directory the generator scripts read.

With a directory on the command line, that one; else the Debian package
wordnet-base fetched with `apt-get download` into a temporary directory
(WordNet 3.0 licence, a BSD-style licence that allows use, copying and
redistribution with its notice).
"""
import glob
import os
import subprocess
import sys
import tempfile


def wordnet_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    tmp = tempfile.mkdtemp()
    subprocess.run(["apt-get", "download", "wordnet-base"], cwd=tmp, check=True)
    deb = glob.glob(os.path.join(tmp, "wordnet-base*.deb"))[0]
    subprocess.run(["dpkg-deb", "-x", deb, os.path.join(tmp, "x")], check=True)
    return os.path.join(tmp, "x", "usr", "share", "wordnet")
