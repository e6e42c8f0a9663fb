#!/usr/bin/env python3
"""Writes the DOCX and PDF fixtures: a hand-written report HTML (merged cells as published
reports have them) per expected.json, converted to DOCX and that to PDF by LibreOffice (`soffice --headless`).
CI has no LibreOffice: the generated files are committed and tests only read them.
Run from this folder: python3 make_office_fixtures.py"""
import json, os, shutil, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = "/work/shared/samples"
CASES = [
    # name, expected source, split (table 3 starts low on a page and runs onto the next), header repeat
    ("sample-000", os.path.join(SAMPLES, "000_c49188e090674de6.expected.json"), False, False),
    ("sample-001-split", os.path.join(SAMPLES, "001_ce5962bd6a95247b.expected.json"), True, True),
    ("rich-split", os.path.join(HERE, "reports", "rich-tabs", "expected.json"), True, False),
]

T3_ROWS = [
    ("new_received", None, None, "一、本年新收政府信息公开申请数量"),
    ("carried_over", None, None, "二、上年结转政府信息公开申请数量"),
    ("granted", "三、本年度办理结果", None, "（一）予以公开"),
    ("partially_granted", None, None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld_state_secret", None, "（三）不予公开", "1.属于国家秘密"),
    ("withheld_prohibited_by_law", None, None, "2.其他法律行政法规禁止公开"),
    ("withheld_security_stability", None, None, "3.危及“三安全一稳定”"),
    ("withheld_third_party", None, None, "4.保护第三方合法权益"),
    ("withheld_internal_affairs", None, None, "5.属于三类内部事务信息"),
    ("withheld_process_information", None, None, "6.属于四类过程性信息"),
    ("withheld_enforcement_file", None, None, "7.属于行政执法案卷"),
    ("withheld_administrative_query", None, None, "8.属于行政查询事项"),
    ("unable_not_held", None, "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable_needs_creation", None, None, "2.没有现成信息需要另行制作"),
    ("unable_unclear_after_supplement", None, None, "3.补正后申请内容仍不明确"),
    ("not_processed_petition", None, "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed_repeated", None, None, "2.重复申请"),
    ("not_processed_publication", None, None, "3.要求提供公开出版物"),
    ("not_processed_excessive", None, None, "4.无正当理由大量反复申请"),
    ("not_processed_reconfirmation", None, None, "5.要求行政机关确认或重新出具已获取信息"),
    ("other_no_supplement", None, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_fee_unpaid", None, None, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", None, None, "3.其他"),
    ("total", None, None, "（七）总计"),
    ("carried_forward", None, None, "四、结转下年度继续办理"),
]
SPANS = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}

def num(v):
    return "" if v is None else (str(int(v)) if float(v).is_integer() else str(v))

def td(text, rs=1, cs=1):
    a = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
    return f"<td{a}>{text}</td>"

def html(d, split, repeat):
    t2, t3, t4 = d["table2"], d["table3"], d["table4"]
    title = f'{d["agency"]}{d["year"]}年政府信息公开工作年度报告'
    p = [f"<h1 style='text-align:center'>{title}</h1>",
         f"<p>本报告根据《中华人民共和国政府信息公开条例》编制。报告中所列数据的统计期限自{d['year']}年1月1日起至{d['year']}年12月31日止。</p>",
         "<p>一、总体情况</p>", "<p>本年度，我单位认真贯彻落实政府信息公开工作要求，主动公开政府信息，依法办理依申请公开。</p>",
         "<p>二、主动公开政府信息情况</p>", "<table border='1' cellspacing='0' width='100%' style='border-collapse:collapse;width:100%'>",
         "<tr>" + td("第二十条第（一）项", cs=4) + "</tr>",
         "<tr>" + td("信息内容") + td("本年制发件数") + td("本年废止件数") + td("现行有效件数") + "</tr>"]
    for key, label in (("rules", "规章"), ("normative_documents", "行政规范性文件")):
        r = t2[key]
        p.append("<tr>" + td(label) + td(num(r["issued"])) + td(num(r["repealed"])) + td(num(r["in_force"])) + "</tr>")
    for head, rows in (("第二十条第（五）项", [("licensing", "行政许可")]), ("第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")])):
        p.append("<tr>" + td(head, cs=4) + "</tr><tr>" + td("信息内容") + td("本年处理决定数量", cs=3) + "</tr>")
        for key, label in rows:
            p.append("<tr>" + td(label) + td(num(t2[key]), cs=3) + "</tr>")
    p.append("<tr>" + td("第二十条第（八）项", cs=4) + "</tr><tr>" + td("信息内容") + td("本年收费金额（单位：万元）", cs=3) + "</tr>")
    p.append("<tr>" + td("行政事业性收费") + td(num(t2["fees"]), cs=3) + "</tr></table>")
    p.append("<p>三、收到和处理政府信息公开申请情况</p>")
    if split:
        # Long text so that table 3 starts in the lower part of a page and breaks onto the next.
        p.extend(["<p>" + "本年度依申请公开工作规范有序，所有申请均在法定期限内答复，答复内容准确、依据充分。" * 3 + "</p>"] * 9)
    p.append("<table border='1' cellspacing='0' width='100%' style='border-collapse:collapse;width:100%'>")
    head = ["<tr>" + td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3) + td("申请人情况", cs=7) + "</tr>",
            "<tr>" + td("自然人", rs=2) + td("法人或其他组织", cs=5) + td("总计", rs=2) + "</tr>",
            "<tr>" + td("商业<br>企业") + td("科研<br>机构") + td("社会<br>公益<br>组织") + td("法律<br>服务<br>机构") + td("其他") + "</tr>"]
    p.append("<thead>" + "".join(head) + "</thead>" if repeat else "".join(head))
    for key, top, mid, label in T3_ROWS:
        cells = "".join(td(num(v)) for v in t3[key])
        if key in ("new_received", "carried_over", "carried_forward"):
            p.append("<tr>" + td(label, cs=3) + cells + "</tr>")
            continue
        row = ""
        if top:
            row += td(top, rs=22)
        if mid:
            row += td(mid, rs=SPANS[mid])
        if key in ("granted", "partially_granted", "total"):
            row += td(label, cs=2)
        else:
            row += td(label)
        p.append("<tr>" + row + cells + "</tr>")
    p.append("</table>")
    p.append("<p>四、政府信息公开行政复议、行政诉讼情况</p><table border='1' cellspacing='0' width='100%' style='border-collapse:collapse;width:100%'>")
    p.append("<tr>" + td("行政复议", cs=5) + td("行政诉讼", cs=10) + "</tr>")
    p.append("<tr>" + "".join(td(h, rs=2) for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")) + td("未经复议直接起诉", cs=5) + td("复议后起诉", cs=5) + "</tr>")
    p.append("<tr>" + "".join(td(h) for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2) + "</tr>")
    p.append("<tr>" + "".join(td(num(v)) for k in ("reconsideration", "litigation_direct", "litigation_after_reconsideration") for v in t4[k]) + "</tr></table>")
    p += ["<p>五、存在的主要问题及改进情况</p>", "<p>公开内容的深度和广度还有待提升，下一步将加强培训。</p>", "<p>六、其他需要报告的事项</p>", "<p>本年度未收取信息处理费。</p>"]
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + title + "</title>"
            "<style>td{border:1px solid #000;font-size:9pt} body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif}</style>"
            "</head><body>" + "\n".join(p) + "</body></html>")

def main():
    tmp = tempfile.mkdtemp()
    for name, src, split, repeat in CASES:
        d = json.load(open(src, encoding="utf-8"))
        base = os.path.join(tmp, name)
        with open(base + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, split, repeat))
        subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, base + ".html"], check=True, capture_output=True)
        # The PDF is made from the DOCX, as an office publishes a Word document.
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, base + ".docx"], check=True, capture_output=True)
        expected = {k: d[k] for k in ("format", "agency", "year", "table2", "table3", "table4") if k in d}
        expected["expected_error_codes"] = d.get("expected_error_codes", [])
        for kind in ("docx", "pdf"):
            os.makedirs(os.path.join(HERE, kind, name), exist_ok=True)
            shutil.copy(base + "." + kind, os.path.join(HERE, kind, name, "input." + kind))
            with open(os.path.join(HERE, kind, name, "expected.json"), "w", encoding="utf-8") as f:
                json.dump(expected, f, ensure_ascii=False, indent=1)
                f.write("\n")
            shutil.copy(base + ".html", os.path.join(HERE, kind, name, "source.html"))

main()
