"""Extracts the headline and paragraphs of go-readability's expected.html
test pages into NAME.txt (headline, blank line, paragraphs separated by blank
lines) for every NAME.gold.json in the output directory."""
import json, os, re, sys
from html.parser import HTMLParser

BLOCKS = ('p', 'h2', 'h3', 'li', 'blockquote')


class Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.paras, self.cur = [], None

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            if self.cur is not None and self.cur.strip():
                self.paras.append(self.cur)
            self.cur = ''

    def handle_endtag(self, tag):
        if tag in BLOCKS and self.cur is not None:
            if self.cur.strip():
                self.paras.append(self.cur)
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None:
            self.cur += data


def main(pages, out):
    for f in sorted(os.listdir(out)):
        if not f.endswith('.gold.json'):
            continue
        name = f[:-len('.gold.json')]
        d = os.path.join(pages, name)
        meta = json.load(open(os.path.join(d, 'expected-metadata.json')))
        p = Paragraphs()
        p.feed(open(os.path.join(d, 'expected.html')).read())
        paras = [re.sub(r'\s+', ' ', x).strip() for x in p.paras]
        paras = [x for x in paras if len(x) > 1]
        with open(os.path.join(out, name + '.txt'), 'w') as w:
            w.write((meta.get('title') or name) + '\n\n' + '\n\n'.join(paras) + '\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
