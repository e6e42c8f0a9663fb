"""Writes the inputs of run.sh: per reader, about 1 MB of report-like input, the largest input each
budget accepts, and the adversarial files of issue 13."""
import os, re, sys, zipfile

fixtures, out = sys.argv[1], sys.argv[2]
def w(name, data):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))

def docx(body):
    ct = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + '</w:body></w:document>'
    path = os.path.join(out, 'tmp.docx')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct); z.writestr('_rels/.rels', rels); z.writestr('word/document.xml', doc)
    data = open(path, 'rb').read(); os.remove(path); return data

w('empty.txt', 'x')
report = open(os.path.join(fixtures, 'reports', 'rich-tabs', 'input.txt'), encoding='utf-8').read()
w('text-report-1mb.txt', report * (1048576 // len(report.encode('utf-8')) + 1))
page = open(os.path.join(fixtures, 'reports', 'html-sample-000', 'input.html'), encoding='utf-8').read()
inner = re.search(r'<body[^>]*>(.*)</body>', page, re.S).group(1)
w('html-report-1mb.html', '<html><body>' + inner * (1048576 // len(inner.encode('utf-8')) + 1) + '</body></html>')
import random
rnd = random.Random(13)
def text(n): return ''.join(chr(rnd.randrange(0x4e00, 0x9fa5)) for _ in range(n))
def para(): return f'<w:p><w:r><w:t>{text(40)} {rnd.randrange(100000)}</w:t></w:r></w:p>'
def cell(): return f'<w:tc><w:p><w:r><w:t>{rnd.randrange(100000)}</w:t></w:r></w:p></w:tc>'
def row(): return '<w:tr>' + ''.join(cell() for _ in range(8)) + '</w:tr>'
w('docx-report-like.docx', docx(''.join(''.join(para() for _ in range(20)) + '<w:tbl>' + ''.join(row() for _ in range(20)) + '</w:tbl>' for _ in range(300))))
w('pdf-hzq2023.pdf', open(os.path.join(fixtures, 'pdf', 'hzq2023', 'input.pdf'), 'rb').read())
# the largest inputs the budgets accept
w('text-max-fragments.txt', '1 2 3 4 5 6 7 8 9 10\n' * 19_900)
w('html-max-elements.html', '<html><body>' + '<p>1 2 3</p>' * 99_000 + '</body></html>')
# issue 13
w('issue-text-19mb.txt', '1 ' * (19 * 1048576 // 2))
w('issue-html-19mb.html', '<html><body>' + '<p>1 2 3</p>' * (19 * 1048576 // 12) + '</body></html>')
w('issue-div-50000.html', '<html><body>' + '<div>' * 50000 + 'x' + '</div>' * 50000 + '</body></html>')
w('issue-tables-5000.docx', docx('<w:tbl><w:tr><w:tc>' * 5000 + '<w:p/>' + '</w:tc></w:tr></w:tbl>' * 5000))
