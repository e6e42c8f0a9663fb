#!/usr/bin/env python3
"""Regenerates the variant fixtures under reports/ from the real samples (run from this folder
with ../shared beside the repository). Each variant is one quirk seen in published reports; its
expected.json holds the numbers the import must give and the error/warning codes it must report."""
import json, os, shutil, copy, re

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, '../../../../shared'))
OUT = os.path.join(HERE, 'reports')

def load(p): return json.load(open(p, encoding='utf-8'))

def write_case(name, input_name, data, expected, mode='w', encoding='utf-8'):
    d = os.path.join(OUT, name); os.makedirs(d, exist_ok=True)
    p = os.path.join(d, input_name)
    if isinstance(data, bytes):
        open(p, 'wb').write(data)
    else:
        open(p, 'w', encoding=encoding, newline='').write(data)
    json.dump(expected, open(os.path.join(d, 'expected.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)

s000 = open(f'{SHARED}/samples/000_c49188e090674de6.txt', encoding='utf-8').read()
e000 = load(f'{SHARED}/samples/000_c49188e090674de6.expected.json')
s001 = open(f'{SHARED}/samples/001_ce5962bd6a95247b.txt', encoding='utf-8').read()
e001 = load(f'{SHARED}/samples/001_ce5962bd6a95247b.expected.json')
e003 = load(f'{SHARED}/corpus/kiro/hzq2023_working.expected.json')
e004 = load(f'{SHARED}/corpus/kiro/hzq2024_working.expected.json')

# The real inputs, as published.
write_case('sample-000-tabs', 'input.txt', s000, e000)
write_case('sample-001-scraped-pipes', 'input.txt', s001, e001)
for src, exp, name in [('003', e003, 'pdftotext-hzq2023'), ('004', e004, 'pdftotext-hzq2024')]:
    exp = dict(exp); exp.pop('note', None); exp['agency'] = '淮安市洪泽区人民政府' if src == '004' else exp['agency']  # as named in its title
    exp['expected_warning_codes'] = ['FORMAT.mixed']
    write_case(name, 'input.txt', open(f'{SHARED}/corpus/real/{src}.pdftotext-layout.txt', encoding='utf-8').read(), exp)

# Encodings.
write_case('encoding-gbk', 'input.txt', s000.encode('gb18030'), e000)
write_case('encoding-utf8-bom', 'input.txt', '\ufeff' + s000, e000)
write_case('encoding-utf16le-bom', 'input.txt', ('\ufeff' + s000).encode('utf-16-le'), e000)

# A 2021 report with real numbers, used for the HTML, Markdown and quirk variants.
T3_2021 = ['new_received','carried_over','granted','partially_granted','withheld_state_secret','withheld_prohibited_by_law',
 'withheld_security_stability','withheld_third_party','withheld_internal_affairs','withheld_process_information',
 'withheld_enforcement_file','withheld_administrative_query','unable_not_held','unable_needs_creation',
 'unable_unclear_after_supplement','not_processed_petition','not_processed_repeated','not_processed_publication',
 'not_processed_excessive','not_processed_reconfirmation','other_no_supplement','other_fee_unpaid','other_other','total','carried_forward']
LABELS = {
 'new_received': ('一、本年新收政府信息公开申请数量',), 'carried_over': ('二、上年结转政府信息公开申请数量',),
 'granted': ('（一）予以公开',), 'partially_granted': ('（二）部分公开（区分处理的，只计这一情形，不计其他情形）',),
 'withheld_state_secret': ('（三）不予公开', '1.属于国家秘密'), 'withheld_prohibited_by_law': ('2.其他法律行政法规禁止公开',),
 'withheld_security_stability': ('3.危及“三安全一稳定”',), 'withheld_third_party': ('4.保护第三方合法权益',),
 'withheld_internal_affairs': ('5.属于三类内部事务信息',), 'withheld_process_information': ('6.属于四类过程性信息',),
 'withheld_enforcement_file': ('7.属于行政执法案卷',), 'withheld_administrative_query': ('8.属于行政查询事项',),
 'unable_not_held': ('（四）无法提供', '1.本机关不掌握相关政府信息'), 'unable_needs_creation': ('2.没有现成信息需要另行制作',),
 'unable_unclear_after_supplement': ('3.补正后申请内容仍不明确',), 'not_processed_petition': ('（五）不予处理', '1.信访举报投诉类申请'),
 'not_processed_repeated': ('2.重复申请',), 'not_processed_publication': ('3.要求提供公开出版物',),
 'not_processed_excessive': ('4.无正当理由大量反复申请',), 'not_processed_reconfirmation': ('5.要求行政机关确认或重新出具已获取信息',),
 'other_no_supplement': ('（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
 'other_fee_unpaid': ('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',), 'other_other': ('3.其他',),
 'other': ('（六）其他处理',), 'total': ('（七）总计',), 'carried_forward': ('四、结转下年度继续办理',),
}
rich = copy.deepcopy(e000)
rich['agency'] = '某市生态环境局'; rich['year'] = 2023
rich['table2'] = {'rules': {'issued': 1, 'repealed': 0, 'in_force': 12}, 'normative_documents': {'issued': 3, 'repealed': 2, 'in_force': 41},
                  'licensing': 1205, 'penalty': 87, 'coercion': 6, 'fees': 12.35}
z = [0]*7
t3 = {k: list(z) for k in T3_2021}
t3['new_received'] = [12, 3, 0, 1, 2, 0, 18]; t3['carried_over'] = [2, 0, 0, 0, 0, 0, 2]
t3['granted'] = [5, 1, 0, 1, 0, 0, 7]; t3['partially_granted'] = [2, 1, 0, 0, 1, 0, 4]
t3['withheld_third_party'] = [1, 0, 0, 0, 0, 0, 1]; t3['unable_not_held'] = [3, 1, 0, 0, 0, 0, 4]
t3['not_processed_repeated'] = [1, 0, 0, 0, 0, 0, 1]; t3['other_no_supplement'] = [1, 0, 0, 0, 0, 0, 1]
t3['total'] = [13, 3, 0, 1, 1, 0, 18]; t3['carried_forward'] = [1, 0, 0, 0, 1, 0, 2]
rich['table3'] = t3
rich['table4'] = {'reconsideration': [1, 1, 0, 1, 3], 'litigation_direct': [0, 1, 0, 0, 1], 'litigation_after_reconsideration': [1, 0, 0, 0, 1]}
rich['expected_error_codes'] = []

def fmt(v): return '' if v is None else (str(v) if not isinstance(v, float) else ('%g' % v))

def text_report(r, sep='\t', t3keys=T3_2021, title=None, labels=LABELS, row_filter=None):
    L = []
    L.append(title or f"{r['agency']}{r['year']}年政府信息公开工作年度报告")
    L.append('')
    L.append('一、总体情况'); L.append(f"{r['year']}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息470条。")
    L.append('二、主动公开政府信息情况')
    t2 = r['table2']
    L.append(sep.join(['第二十条第（一）项', '', '', '']))
    L.append(sep.join(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']))
    L.append(sep.join(['规章'] + [fmt(t2['rules'][k]) for k in ('issued', 'repealed', 'in_force')]))
    L.append(sep.join(['行政规范性文件'] + [fmt(t2['normative_documents'][k]) for k in ('issued', 'repealed', 'in_force')]))
    L.append(sep.join(['第二十条第（五）项', '', '', ''])); L.append(sep.join(['信息内容', '本年处理决定数量', '', '']))
    L.append(sep.join(['行政许可', fmt(t2['licensing']), '', '']))
    L.append(sep.join(['第二十条第（六）项', '', '', ''])); L.append(sep.join(['信息内容', '本年处理决定数量', '', '']))
    L.append(sep.join(['行政处罚', fmt(t2['penalty']), '', ''])); L.append(sep.join(['行政强制', fmt(t2['coercion']), '', '']))
    L.append(sep.join(['第二十条第（八）项', '', '', ''])); L.append(sep.join(['信息内容', '本年收费金额（单位：万元）', '', '']))
    L.append(sep.join(['行政事业性收费', fmt(t2['fees']), '', '']))
    L.append('三、收到和处理政府信息公开申请情况')
    L.append(sep.join(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况']))
    L.append(sep.join(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']))
    L.append(sep.join(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']))
    for k in t3keys:
        lab = list(labels[k])
        if k == 'granted': lab = ['三、本年度办理结果'] + lab
        row = lab + [''] * (3 - len(lab)) if len(lab) < 3 else lab
        if row_filter: row = row_filter(k, row)
        L.append(sep.join(row + [fmt(v) for v in r['table3'][k]]))
    L.append('四、政府信息公开行政复议、行政诉讼情况')
    L.append(sep.join(['行政复议', '', '', '', '', '行政诉讼']))
    L.append(sep.join(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉']))
    L.append(sep.join(['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']))
    t4 = r['table4']
    L.append(sep.join(fmt(v) for k in ('reconsideration', 'litigation_direct', 'litigation_after_reconsideration') for v in t4[k]))
    L.append('五、存在的主要问题及改进情况'); L.append('一是公开内容的深度还不够。二是政策解读形式较单一。')
    L.append('六、其他需要报告的事项'); L.append('本年度未收取信息处理费。')
    return '\n'.join(L) + '\n'

write_case('rich-tabs', 'input.txt', text_report(rich), rich)
# Runs of spaces instead of tabs (text copied from Word).
write_case('rich-spaces', 'input.txt', text_report(rich, sep='    '), rich)

# Markdown pipe tables.
def md(r):
    out = []
    for line in text_report(r).split('\n'):
        if '\t' in line:
            cells = line.split('\t')
            out.append('| ' + ' | '.join(cells) + ' |')
            if cells[0] in ('信息内容',) or cells[0].startswith('（本列'):
                out.append('|' + '---|' * len(cells))
        else:
            out.append(line)
    return '\n'.join(out)
write_case('rich-markdown', 'input.md', md(rich), rich)

# Label variants: half-width brackets and commas, spaces inside labels, 合计, straight quotes.
def halfwidth(t):
    return (t.replace('（', '(').replace('）', ')').replace('，', ',').replace('：', ':').replace('“', '"').replace('”', '"')
             .replace('商业企业', '商业 企业').replace('本年新收政府信息公开申请数量', '本年新收政府信息 公开申请数量').replace('（七）总计', '(七)合计').replace('(七)总计', '(七)合计'))
write_case('label-variants', 'input.txt', halfwidth(text_report(rich)), rich)

# Traditional characters (a mirror site).
TRAD = str.maketrans('开资报处与务许罚强机关内调复诉讼结转续办号总计规范条项数无据范权济护门设准当请单从专证应属于险稳况个确认审经类别废现导检标实体组织构产业会学说为时长区县级网费万获举访满决销驳对', '開資報處與務許罰強機關內調複訴訟結轉續辦號總計規範條項數無據範權濟護門設準當請單從專證應屬於險穩況個確認審經類別廢現導檢標實體組織構產業會學說為時長區縣級網費萬獲舉訪滿決銷駁對')
write_case('traditional-characters', 'input.txt', text_report(rich).translate(TRAD), dict(rich, agency=rich['agency'].translate(TRAD)))

# Rows that wrap across lines with blank lines inside, numbers on the following line (PDF copy).
def wrapped(r):
    out = []
    for line in text_report(r).split('\n'):
        cells = line.split('\t')
        if len(cells) >= 8 and all(c.isdigit() for c in cells[-7:]) and any('\u4e00' <= ch <= '\u9fff' for c in cells[:-7] for ch in c):
            label = ''.join(c for c in cells[:-7] if c)
            half = max(4, len(label) // 2)
            out.append('   ' + label[:half]); out.append(''); out.append('      ' + label[half:] + '      ' + '   '.join(cells[-7:]))
        else:
            out.append(line)
    return '\n'.join(out)
write_case('wrapped-rows', 'input.txt', wrapped(rich), rich)

# Scraped HTML with one cell per line ending in " |" (as sample 001) for the rich report.
def scraped(r):
    out = []
    for line in text_report(r).split('\n'):
        if '\t' in line:
            for c in line.split('\t'):
                out.append((c + ' |') if c else '||')
        else:
            out.append(line)
    return '\n'.join(out)
write_case('rich-scraped-pipes', 'input.txt', scraped(rich), rich)

# HTML with the official merged cells, inside a portal page with menus, metadata and footer.
def html_tables(r, t3keys=T3_2021, portal=True):
    t2 = r['table2']; t3 = r['table3']; t4 = r['table4']
    def td(v, **a):
        attrs = ''.join(f' {k}="{x}"' for k, x in a.items())
        return f'<td{attrs}>{v}</td>'
    h = []
    if portal:
        h.append('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + f"{r['agency']}{r['year']}年政府信息公开工作年度报告" + '_某市人民政府</title>'
                 '<style>td{border:1px solid #000}</style><script>var x="二、主动公开政府信息情况 1 2 3";</script></head><body>'
                 '<nav><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">互动交流 2024</a></nav>'
                 '<table class="meta"><tr><td>索引号：</td><td>11370306MB2798220K/2024-00012</td><td>文号：</td><td>无</td></tr>'
                 '<tr><td>发布机构：</td><td>' + r['agency'] + '</td><td>发布日期：</td><td>2024-01-30</td></tr></table>'
                 f"<h1>{r['agency']}{r['year']}年政府信息公开工作年度报告</h1>")
    h.append('<p>一、总体情况</p><p>本年度主动公开政府信息470条。</p><p>二、主动公开政府信息情况</p><table>')
    h.append('<tr>' + td('第二十条第（一）项', colspan=4) + '</tr><tr>' + td('信息内容') + td('本年制发件数') + td('本年废止件数') + td('现行有效件数') + '</tr>')
    for key, label in (('rules', '规章'), ('normative_documents', '行政规范性文件')):
        h.append('<tr>' + td(label) + ''.join(td(fmt(t2[key][k])) for k in ('issued', 'repealed', 'in_force')) + '</tr>')
    for cap, head, rows in (('第二十条第（五）项', '本年处理决定数量', [('licensing', '行政许可')]),
                            ('第二十条第（六）项', '本年处理决定数量', [('penalty', '行政处罚'), ('coercion', '行政强制')]),
                            ('第二十条第（八）项', '本年收费金额（单位：万元）', [('fees', '行政事业性收费')])):
        h.append('<tr>' + td(cap, colspan=4) + '</tr><tr>' + td('信息内容') + td(head, colspan=3) + '</tr>')
        for key, label in rows:
            h.append('<tr>' + td(label) + td(fmt(t2[key]), colspan=3) + '</tr>')
    h.append('</table><p>三、收到和处理政府信息公开申请情况</p><table>')
    h.append('<tr>' + td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowspan=3, colspan=3) + td('申请人情况', colspan=7) + '</tr>')
    h.append('<tr>' + td('自然人', rowspan=2) + td('法人或其他组织', colspan=5) + td('总计', rowspan=2) + '</tr>')
    h.append('<tr>' + ''.join(td(x) for x in ('商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他')) + '</tr>')
    groups = {'withheld_state_secret': ('（三）不予公开', 8), 'unable_not_held': ('（四）无法提供', 3), 'not_processed_petition': ('（五）不予处理', 5),
              'other_no_supplement': ('（六）其他处理', 3)}
    span = 22 if 'other_other' in t3keys else 20
    for k in t3keys:
        cells = ''
        if k == 'granted':
            cells += td('三、本年度办理结果', rowspan=span)
        lab = LABELS[k][-1]
        if k in ('new_received', 'carried_over', 'carried_forward'):
            cells += td(lab, colspan=3)
        elif k in groups:
            cells += td(groups[k][0], rowspan=groups[k][1]) + td(lab)
        elif k in ('granted', 'partially_granted', 'total', 'other'):
            cells += td(lab, colspan=2)
        else:
            cells += td(lab)
        cells += ''.join(td(fmt(v)) for v in t3[k])
        h.append('<tr>' + cells + '</tr>')
    h.append('</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table>')
    h.append('<tr>' + td('行政复议', colspan=5) + td('行政诉讼', colspan=10) + '</tr>')
    h.append('<tr>' + ''.join(td(x, rowspan=2) for x in ('结果维持', '结果纠正', '其他结果', '尚未审结', '总计')) + td('未经复议直接起诉', colspan=5) + td('复议后起诉', colspan=5) + '</tr>')
    h.append('<tr>' + ''.join(td(x) for x in ('结果维持', '结果纠正', '其他结果', '尚未审结', '总计') * 2) + '</tr>')
    h.append('<tr>' + ''.join(td(fmt(v)) for k in ('reconsideration', 'litigation_direct', 'litigation_after_reconsideration') for v in t4[k]) + '</tr></table>')
    h.append('<p>五、存在的主要问题及改进情况</p><p>一是公开内容的深度还不够。</p><p>六、其他需要报告的事项</p><p>无。</p>')
    if portal:
        h.append('<footer><p>主办单位：某市人民政府办公室 备案号：鲁ICP备12345678号 网站标识码：3703000001</p></footer></body></html>')
    return '\n'.join(h)
write_case('html-portal-page', 'input.html', html_tables(rich), rich)
write_case('html-gbk-meta', 'input.html', html_tables(rich).replace('charset="utf-8"', 'charset="gb2312"').encode('gb18030'), rich)
write_case('html-sample-000', 'input.html', html_tables(e000), e000)
write_case('html-sample-001', 'input.html', html_tables(e001), e001)

# Blank, "/", units in cells, negative: nulls with CELL.* and no coercion to 0.
bad = copy.deepcopy(rich)
bad['table3']['granted'][2] = None          # blank 科研机构 cell
bad['table2']['rules'] = {'issued': None, 'repealed': None, 'in_force': None}   # "/" in 规章
bad['table2']['fees'] = None                # "251000元"
def blanks(r):
    t = text_report(rich)
    t = t.replace('规章\t1\t0\t12', '规章\t/\t/\t/').replace('行政事业性收费\t12.35', '行政事业性收费\t251000元')
    t = t.replace('（一）予以公开\t\t5\t1\t0\t1', '（一）予以公开\t\t5\t1\t\t1')
    return t
bad['expected_error_codes'] = []
bad['expected_warning_codes'] = ['CELL.blank', 'CELL.non-numeric']
write_case('blank-slash-unit-cells', 'input.txt', blanks(rich), bad)

# Numbers that do not add up: T3.balance, T3.row-total, T3.outcome-total and T4.total, with lines.
wrong = copy.deepcopy(rich)
wrong['table3']['new_received'] = [13, 3, 0, 1, 2, 0, 18]   # row total 19 printed 18; 自然人 balance broken
wrong['table4']['reconsideration'] = [1, 1, 0, 1, 2]
wrong['expected_error_codes'] = ['T3.balance', 'T3.row-total', 'T4.total']
t = text_report(wrong)
write_case('arithmetic-errors', 'input.txt', t, wrong)

# The 2019 试行 layout (reports for 2019 and 2020).
r19 = {'format': '2019', 'agency': '某县人民政府办公室', 'year': 2020,
       'table2': {'rules': {'new_made': 0, 'new_published': 0, 'total_published': 0},
                  'normative_documents': {'new_made': 4, 'new_published': 4, 'total_published': 37},
                  'licensing': {'previous_items': 120, 'change': -8, 'decisions': 2301},
                  'other_services': {'previous_items': 15, 'change': 2, 'decisions': 88},
                  'penalty': {'previous_items': 310, 'change': 0, 'decisions': 46},
                  'coercion': {'previous_items': 12, 'change': 1, 'decisions': 3},
                  'fees': {'previous_items': 5, 'change': -1},
                  'procurement': {'projects': 14, 'amount': 356.8}},
       'table3': {}, 'table4': {'reconsideration': [0, 0, 0, 0, 0], 'litigation_direct': [1, 0, 0, 0, 1], 'litigation_after_reconsideration': [0, 0, 0, 0, 0]},
       'expected_error_codes': []}
T3_2019 = [k for k in T3_2021 if not k.startswith('other_')]
T3_2019.insert(T3_2019.index('total'), 'other')
r19['table3'] = {k: [0]*7 for k in T3_2019}
r19['table3']['new_received'] = [9, 1, 0, 0, 0, 0, 10]; r19['table3']['granted'] = [6, 1, 0, 0, 0, 0, 7]
r19['table3']['unable_not_held'] = [2, 0, 0, 0, 0, 0, 2]; r19['table3']['other'] = [1, 0, 0, 0, 0, 0, 1]
r19['table3']['total'] = [9, 1, 0, 0, 0, 0, 10]
def report2019(r):
    t2 = r['table2']
    L = [f"{r['agency']}{r['year']}年政府信息公开工作年度报告", '一、总体情况', '本年度按照条例要求开展工作。', '二、主动公开政府信息情况',
         '第二十条第（一）项', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量']
    L.append('规章\t' + '\t'.join(fmt(t2['rules'][k]) for k in ('new_made', 'new_published', 'total_published')))
    L.append('规范性文件\t' + '\t'.join(fmt(t2['normative_documents'][k]) for k in ('new_made', 'new_published', 'total_published')))
    L += ['第二十条第（五）项', '信息内容\t上一年项目数量\t本年增/减\t处理决定数量']
    for key, label in (('licensing', '行政许可'), ('other_services', '其他对外管理服务事项')):
        L.append(label + '\t' + '\t'.join(fmt(t2[key][k]) for k in ('previous_items', 'change', 'decisions')))
    L += ['第二十条第（六）项', '信息内容\t上一年项目数量\t本年增/减\t处理决定数量']
    for key, label in (('penalty', '行政处罚'), ('coercion', '行政强制')):
        L.append(label + '\t' + '\t'.join(fmt(t2[key][k]) for k in ('previous_items', 'change', 'decisions')))
    L += ['第二十条第（八）项', '信息内容\t上一年项目数量\t本年增/减', '行政事业性收费\t' + fmt(t2['fees']['previous_items']) + '\t' + fmt(t2['fees']['change'])]
    L += ['第二十条第（九）项', '信息内容\t采购项目数量\t采购总金额', '政府集中采购\t' + fmt(t2['procurement']['projects']) + '\t' + fmt(t2['procurement']['amount'])]
    body = text_report(dict(r, table2=rich['table2']), t3keys=T3_2019).split('\n')
    start = body.index('三、收到和处理政府信息公开申请情况')
    return '\n'.join(L + body[start:])
write_case('format-2019', 'input.txt', report2019(r19), r19)
write_case('html-format-2019', 'input.html', html_tables(dict(r19, table2=rich['table2']), t3keys=T3_2019).replace('<p>二、主动公开政府信息情况</p>', '<p>二、主动公开政府信息情况</p>'), dict(copy.deepcopy(r19), table2=rich['table2'], format='2021', expected_warning_codes=['FORMAT.mixed']))
print('fixtures written to', OUT)
