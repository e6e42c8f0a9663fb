using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Web.Agencies;

namespace Gongkai.Web.Demo;

/// <summary>
/// The demo agency tree: 兰陵县人民政府 and two of its departments, with the contacts and 指南 text an
/// administrator would have entered. Credit codes are made up but well formed (GB 32100 check character).
/// Letters name the 复议机关 under 行政复议法 (2023) Art. 24 — a county department's is the county
/// government, the county government's the city government — and the court of first instance under
/// 行政诉讼法 Arts. 14-15 (a county government is sued in the intermediate court).
/// </summary>
public static class DemoAgencies
{
    private const string Hours = "工作日 上午8:30-12:00，下午13:30-17:30（法定节假日除外）";

    /// <summary>The tree, top first; each department names its parent by code.</summary>
    public static IReadOnlyList<(Agency Agency, string? ParentCode)> Tree() =>
    [
        (new Agency
        {
            Name = "兰陵县人民政府",
            Code = "LLX",
            CreditCode = "11371324MB2858011C",
            Kind = AgencyKind.Government,
            ReceivingOffice = "兰陵县人民政府办公室政务公开科",
            Address = "兰陵县会宝路1号 县政府办公室政务公开科",
            Phone = "0539-5211001",
            OfficeHours = Hours,
            Email = "zwgk@lanling.example.gov.cn",
            LetterNumberPattern = "兰政公开〔{year}〕{n}号",
            ReviewBody = "临沂市人民政府",
            Court = "临沂市中级人民法院",
            GuideText = Guide("兰陵县人民政府", "县政府办公室是本级政府信息公开工作主管部门，负责推进、指导、协调、监督全县政府信息公开工作；县政府办公室政务公开科具体承办本级政府的政府信息公开事宜。"),
        }, null),
        (new Agency
        {
            Name = "兰陵县卫生健康局",
            Code = "LLWJ",
            CreditCode = "11371324MB2858127M",
            Kind = AgencyKind.Department,
            ReceivingOffice = "兰陵县卫生健康局办公室",
            Address = "兰陵县文化路18号 办公室",
            Phone = "0539-5211234",
            OfficeHours = Hours,
            Email = "wjj@lanling.example.gov.cn",
            LetterNumberPattern = "兰卫公开〔{year}〕{n}号",
            ReviewBody = "兰陵县人民政府",
            Court = "兰陵县人民法院",
            GuideText = Guide("兰陵县卫生健康局", "本局办公室负责本机关政府信息公开的日常工作，受理政府信息公开申请。医疗机构执业登记、公共卫生、医疗废物处置等信息可在“目录”栏目查阅。"),
        }, "LLX"),
        (new Agency
        {
            Name = "兰陵县自然资源局",
            Code = "LLZR",
            CreditCode = "11371324MB2858135G",
            Kind = AgencyKind.Department,
            ReceivingOffice = "兰陵县自然资源局政务公开办公室",
            Address = "兰陵县金山路66号 政务公开办公室",
            Phone = "0539-5212345",
            OfficeHours = Hours,
            Email = "zrzyj@lanling.example.gov.cn",
            LetterNumberPattern = "兰自然资公开〔{year}〕{n}号",
            ReviewBody = "兰陵县人民政府",
            Court = "兰陵县人民法院",
            GuideText = Guide("兰陵县自然资源局", "本局政务公开办公室负责本机关政府信息公开的日常工作，受理政府信息公开申请。国土空间规划、土地征收、建设用地供应等信息可在“目录”栏目查阅。"),
        }, "LLX"),
    ];

    /// <summary>The agency's 指南: an opening paragraph of its own, then the default text.</summary>
    private static string Guide(string agency, string office) =>
        $"为保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》，编制{agency}政府信息公开指南。\n{office}\n{GuideText.Default}";
}
