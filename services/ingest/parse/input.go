package parse

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// decodeText checks the raw bytes and returns them as UTF-8 text.
//
// Repair rule: a declared charset (content type parameter) is honoured; a
// UTF-16 BOM is decoded; otherwise bytes that are not valid UTF-8 are read
// as Windows-1252 (a superset of the printable Latin-1 range, the usual
// culprit) one invalid byte at a time, which also repairs UTF-8 files with
// pasted Windows "smart quotes". Input is rejected as invalid_utf8 when an
// invalid byte is undefined in Windows-1252 (0x81 0x8D 0x8F 0x90 0x9D),
// because then the encoding is a guess, not a repair.
//
// Stray control characters (a NUL or two in a text) are dropped; input
// with a binary file's signature, or with more control bytes than a text
// has, is rejected as binary (see binaryEvidence and checkText).
func decodeText(data []byte, contentType string) (string, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil || !utf8.Valid(out) {
			return "", fail(ReasonInvalidUTF8, ErrInvalidUTF8, "bad UTF-16")
		}
		return checkText(out)
	}
	if why := binaryEvidence(data); why != "" {
		return "", fail(ReasonBinary, ErrBinary, why)
	}
	enc := declaredEncoding(contentType)
	if enc == nil && !utf8.Valid(data) {
		// A feed names its encoding in its XML declaration when its
		// server says nothing ("windows-1251", which the Windows-1252
		// repair would garble).
		enc = xmlDeclaredEncoding(data)
		if enc == nil {
			// So does a web page in its <meta charset> ("koi8-r",
			// "Shift_JIS"), read as a browser reads it.
			enc = htmlDeclaredEncoding(data)
		}
		if enc != nil {
			// A declaration its bytes break is a lie (a Latin-1 page
			// saying Shift_JIS): its decoder turned "Café" into "Caf"
			// and a replacement character, which the cleaning drops.
			// Such bytes are read by the repair rule below, as if
			// nothing were declared, when that rule reads them and the
			// declared decoder fails on more than a stray byte or two
			// (a Shift_JIS page with one vendor character, a
			// windows-1251 page with one undefined byte, are read as
			// declared: the repair would refuse the one or garble the
			// other).
			if out, err := enc.NewDecoder().Bytes(data); err != nil || brokenDecode(out) {
				if _, rerr := repairUTF8(data); rerr == nil {
					enc = nil
				}
			}
		}
	}
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", fail(ReasonInvalidUTF8, ErrInvalidUTF8, cutRunes(fmt.Sprintf("decode declared charset: %v", err), 200))
		}
		data = out
	}
	if !utf8.Valid(data) {
		out, err := repairUTF8(data)
		if err != nil {
			return "", err
		}
		data = out
	}
	return checkText(data)
}

// brokenDecode reports a declared decoder's output with replacement
// characters beyond a stray few: more than two, and more than one in a
// thousand characters.
func brokenDecode(out []byte) bool {
	n := bytes.Count(out, []byte("\uFFFD"))
	return n > 2 && n*1000 > utf8.RuneCount(out)
}

// checkText drops the stray control characters a text can carry (a NUL
// left by a broken export or a paste: no reader wants one, and the XML and
// JSON readers refuse the whole input for it) and rejects text with more
// than a few of them, which is a mislabelled binary.
func checkText(b []byte) (string, error) {
	s := string(bytes.TrimPrefix(b, []byte("\uFEFF")))
	ctrl, nul := 0, 0
	for i := 0; i < len(s); i++ { // (controls are single bytes in UTF-8)
		if strayControl(s[i]) {
			ctrl++
			if s[i] == 0 {
				nul++
			}
		}
	}
	if ctrl == 0 {
		return s, nil
	}
	if n := utf8.RuneCountInString(s); tooManyControls(ctrl, n) {
		return "", fail(ReasonBinary, ErrBinary, controlEvidence(ctrl, nul, fmt.Sprintf("%d characters", n)))
	}
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && strayControl(byte(r)) {
			return -1
		}
		return r
	}, s), nil
}

// strayControl reports a C0 control character that text has no use for:
// all but tab, newline, carriage return, form feed and vertical tab (the
// last two are whitespace the cleaning reads as a space).
func strayControl(c byte) bool {
	return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v'
}

// tooManyControls reports a share of control bytes or characters, ctrl
// of n, that no text has: more than one in twenty. Random bytes, images
// and archives have one in ten or more, a UTF-16 text without its BOM one
// in two; a text with a stray NUL or two is far below it.
func tooManyControls(ctrl, n int) bool {
	return ctrl*20 > n
}

// controlEvidence says why an input with ctrl control characters (nul of
// them NUL) among those named by of is taken for binary data.
func controlEvidence(ctrl, nul int, of string) string {
	return fmt.Sprintf("%d of its %s are control characters (%d of them NUL); a text has none or a stray few", ctrl, of, nul)
}

// binaryEvidence says why data is plainly not text, or returns "" when it
// may be text: the file signature of a binary format, or more control
// bytes in the first 8 KiB than a text has (see tooManyControls). A text
// with a few stray NULs is text: checkText drops them.
func binaryEvidence(data []byte) string {
	head := data[:min(len(data), 8192)]
	ct := http.DetectContentType(head)
	switch {
	case strings.HasPrefix(ct, "text/"), ct == "application/json", strings.HasSuffix(ct, "xml"), ct == "application/octet-stream":
		// No signature of a binary format (the sniffer says
		// octet-stream for text with a control byte in its first 512
		// bytes): decide by the share of control bytes.
	default:
		return "file signature of " + ct // image/*, application/pdf, application/zip, audio, video, fonts
	}
	ctrl, nul := 0, 0
	var nulAt [2]int // NULs at even and odd offsets
	for i, c := range head {
		// (ESC is left out: ISO-2022-JP text is made of escape sequences.)
		if strayControl(c) && c != 0x1b {
			ctrl++
		}
		if c == 0 {
			nul++
			nulAt[i%2]++
		}
	}
	if !tooManyControls(ctrl, len(head)) {
		return ""
	}
	of := fmt.Sprintf("%d bytes", len(head))
	if len(head) < len(data) {
		of = "first " + of
	}
	why := controlEvidence(ctrl, nul, of)
	if half := len(head) / 2; (nulAt[0] == 0 && nulAt[1]*4 > half) || (nulAt[1] == 0 && nulAt[0]*4 > half) {
		// Every other byte NUL: ASCII text in UTF-16, which only a BOM
		// tells apart from binary data.
		why += "; it looks like UTF-16 without a byte-order mark (save it as UTF-8, or as UTF-16 with a BOM)"
	}
	return why
}

// declaredEncoding returns the decoder for a non-UTF-8 charset named in the
// content type, or nil.
func declaredEncoding(contentType string) encoding.Encoding {
	if contentType == "" {
		return nil
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil
	}
	return encodingNamed(params["charset"])
}

// xmlDeclaredEncoding is the encoding an XML declaration at the start of
// data names, when it is one other than UTF-8 that htmlindex knows.
func xmlDeclaredEncoding(data []byte) encoding.Encoding {
	m := xmlDeclEncoding.FindSubmatch(data[:min(len(data), 200)])
	if m == nil {
		return nil
	}
	return encodingNamed(string(m[2]) + string(m[3]))
}

// htmlDeclaredEncoding returns the encoding a page's first <meta charset>
// or <meta http-equiv="Content-Type"> names in its head (up to </head>,
// within 64 KiB: pages put scripts and styles first, and a Windows-1251
// page declared at byte 1261 was read as Windows-1252 and stored garbled,
// as the HTML5 prescan reads 1024 bytes only), or nil when there is none or
// it names UTF-8 or Windows-1252, which the repair rule reads anyway.
func htmlDeclaredEncoding(data []byte) encoding.Encoding {
	low := bytes.ToLower(data[:min(len(data), maxHeadScan)])
	if end := bytes.Index(low, []byte("</head")); end >= 0 {
		low = low[:end]
	}
	m := metaCharset.FindSubmatch(low)
	if m == nil {
		return nil
	}
	enc := encodingNamed(string(m[1]))
	if enc == nil {
		return nil
	}
	if name, err := htmlindex.Name(enc); err == nil && name == "windows-1252" {
		return nil
	}
	return enc
}

// maxHeadScan bounds how far into a page its declared charset is looked
// for past the prescan's 1024 bytes.
const maxHeadScan = 64 << 10

// metaCharset finds the charset a lower-cased <meta> tag names, as
// <meta charset="..."> or in <meta http-equiv="Content-Type"
// content="text/html; charset=...">.
var metaCharset = regexp.MustCompile(`<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// encodingNamed returns the decoder for a charset name other than UTF-8
// (or ASCII, which UTF-8 holds), or nil when the name is one of those or
// unknown.
func encodingNamed(charset string) encoding.Encoding {
	cs := strings.ToLower(strings.TrimSpace(charset))
	if cs == "" || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii" {
		return nil
	}
	enc, err := htmlindex.Get(cs)
	if err != nil {
		return nil
	}
	return enc
}

// xmlDeclEncoding matches an XML declaration up to its encoding's value
// (group 1) and that value, in double (group 2) or single quotes (group
// 3): decodeText reads the value, parseFeed rewrites it.
var xmlDeclEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?\sencoding\s*=\s*)(?:"([^"]*)"|'([^']*)')`)

// repairUTF8 re-reads each invalid byte as Windows-1252; see decodeText.
func repairUTF8(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data)+len(data)/8)
	dec := charmap.Windows1252
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r != utf8.RuneError || size > 1 {
			out = append(out, data[:size]...)
			data = data[size:]
			continue
		}
		c := data[0]
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return nil, fail(ReasonInvalidUTF8, ErrInvalidUTF8, fmt.Sprintf("byte 0x%02X is neither UTF-8 nor Windows-1252", c))
		}
		out = utf8.AppendRune(out, dec.DecodeByte(c))
		data = data[1:]
	}
	return out, nil
}
