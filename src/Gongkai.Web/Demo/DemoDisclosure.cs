using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Demo;

/// <summary>
/// A few 主动公开 items per agency, taken through the desk as staff take them (draft by the officer,
/// automatic checks, 保密审查 by the approver and 合法性审查 by the 法制审核员, publication under a 索引号), so 目录 and
/// search show results; and one more per agency submitted and waiting for the approver's 保密审查.
/// </summary>
public static class DemoDisclosure
{
    /// <summary>An item of the demo: title, 文号, Art. 20 item, summary and body; {Y} stands for this year.</summary>
    public sealed record Text(string Title, string? DocumentNumber, int Art20, string Summary, string Body);

    /// <summary>Per agency code: the items to publish, then the one left waiting for review (the last).</summary>
    public static readonly IReadOnlyDictionary<string, Text[]> Items = new Dictionary<string, Text[]>
    {
        ["LLX"] =
        [
            new("兰陵县人民政府关于印发{Y}年政府工作报告重点工作任务分工方案的通知", "兰政发〔{Y}〕5号", 3, "明确政府工作报告确定的重点工作任务的牵头单位和完成时限。",
                "各乡镇人民政府、街道办事处，县政府各部门：\n现将《{Y}年政府工作报告重点工作任务分工方案》印发给你们，请结合实际认真贯彻落实。各牵头单位要细化工作措施，按季度报送工作进展情况。"),
            new("兰陵县{Y}年县级预算公开说明", null, 7, "县级一般公共预算、政府性基金预算和国有资本经营预算的编制情况。",
                "经县人民代表大会审议批准，现将兰陵县{Y}年县级预算予以公开。预算编制坚持量入为出、收支平衡，优先保障基本民生支出。"),
            new("兰陵县突发事件总体应急预案（{Y}年修订）", "兰政办发〔{Y}〕9号", 12, "规定全县突发事件的分级、预警、应急响应和善后处置。",
                "为提高政府保障公共安全和处置突发事件的能力，最大程度地预防和减少突发事件及其造成的损害，制定本预案。本预案适用于本县行政区域内突发事件的应对工作。"),
            new("兰陵县人民政府办公室关于做好{Y}年度政务公开工作的通知", "兰政办字〔{Y}〕21号", 15, "部署本年度政务公开重点工作。",
                "各乡镇人民政府、街道办事处，县政府各部门：\n为深入推进政务公开，现就做好本年度政务公开工作通知如下：一是加强政策解读；二是规范依申请公开办理；三是按时发布年度报告。"),
        ],
        ["LLWJ"] =
        [
            new("关于公布兰陵县{Y}年基本公共卫生服务项目补助资金分配情况的通知", "兰卫发〔{Y}〕12号", 11, "各乡镇卫生院基本公共卫生服务项目补助资金的分配结果。",
                "各乡镇卫生院：\n现将{Y}年基本公共卫生服务项目补助资金分配情况予以公布。资金按服务人口和绩效考核结果分配，请各单位专款专用。"),
            new("兰陵县卫生健康局{Y}年部门预算", null, 7, "本局及所属单位的收支预算和“三公”经费预算。",
                "根据县财政局批复，现将兰陵县卫生健康局{Y}年部门预算予以公开，包括收支总表、财政拨款收支表和“三公”经费预算情况说明。"),
            new("兰陵县医疗机构执业登记信息公示（第三批）", null, 5, "新设立和变更执业登记的医疗机构名单。",
                "根据《医疗机构管理条例》，现将本批次准予执业登记和变更登记的医疗机构名单予以公示，公示期为五个工作日。"),
            new("兰陵县卫生健康局关于开展夏季食品安全专项检查的通知", "兰卫发〔{Y}〕18号", 13, "部署夏季学校食堂和餐饮单位食品安全专项检查。",
                "各乡镇卫生院、各有关单位：\n为保障夏季食品安全，决定在全县开展食品安全专项检查，重点检查学校食堂、集体用餐配送单位和农村集体聚餐。"),
        ],
        ["LLZR"] =
        [
            new("兰陵县{Y}年度国有建设用地供应计划", "兰自然资发〔{Y}〕3号", 3, "本年度国有建设用地供应总量、结构和布局。",
                "根据国土空间总体规划和年度土地利用计划，编制本年度国有建设用地供应计划，计划供应总量按用途分列，优先保障民生和重点项目用地。"),
            new("卞庄街道土地征收成片开发方案（公示稿）", null, 10, "成片开发的范围、用途和实施计划，征求意见。",
                "根据《土地管理法》和成片开发标准的规定，拟定卞庄街道土地征收成片开发方案，现予公示，公示期间欢迎社会各界提出意见。"),
            new("兰陵县自然资源局{Y}年部门预算", null, 7, "本局部门预算收支情况。",
                "根据县财政局批复，现将兰陵县自然资源局{Y}年部门预算予以公开，包括收支总表、财政拨款收支表和政府采购预算情况说明。"),
            new("兰陵县自然资源局关于矿产资源开采许可审批情况的公示", null, 5, "本季度矿产资源开采许可的审批结果。",
                "根据矿产资源管理的有关规定，现将本季度矿产资源开采许可审批情况予以公示。"),
        ],
    };

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Agency> agencies)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var desk = services.GetRequiredService<DisclosureDesk>();
        var today = ChinaTime.Today(clock);
        var year = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var agency in agencies)
        {
            if (!Items.TryGetValue(agency.Code, out var texts))
            {
                continue;
            }

            var author = await ActorAsync(db, DemoSeed.DemoUserName(agency.Code, Roles.Officer));
            var reviewer = await ActorAsync(db, DemoSeed.DemoUserName(agency.Code, Roles.Approver));
            var legal = await ActorAsync(db, DemoSeed.LegalReviewer(agency.Code));
            for (var i = 0; i < texts.Length; i++)
            {
                var t = texts[i];
                var item = new DisclosureItem
                {
                    Id = Guid.CreateVersion7(),
                    Title = t.Title.Replace("{Y}", year, StringComparison.Ordinal),
                    DocumentNumber = t.DocumentNumber?.Replace("{Y}", year, StringComparison.Ordinal),
                    Publisher = agency.Name,
                    WrittenOn = today.AddDays(-(texts.Length - i) * 2),
                    Art20Number = t.Art20,
                    CatalogueCode = $"art20-{t.Art20:00}",
                    Summary = t.Summary,
                    Body = t.Body.Replace("{Y}", year, StringComparison.Ordinal),
                };
                var started = await desk.CreateAsync(agency.Id, item, author, files: null);
                if (!started.TryGetValue(out var created) || !(await desk.SubmitAsync(created, agency.Id, author)).IsSuccess)
                {
                    continue;
                }

                if (i == texts.Length - 1)
                {
                    continue; // left in 保密审查 for the approver
                }

                if ((await desk.RunAsync(created, agency.Id, w => Task.FromResult(w.PassSecrecyReview(reviewer, desk.Now, "未发现涉密内容")))).IsSuccess
                    && (await desk.RunAsync(created, agency.Id, w => Task.FromResult(w.PassLegalityReview(legal, desk.Now, "符合有关规定")))).IsSuccess)
                {
                    await desk.PublishAsync(created, agency.Id, reviewer);
                }
            }
        }

        db.ChangeTracker.Clear();
    }

    private static async Task<Actor> ActorAsync(GongkaiDbContext db, string name)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == name);
        return new Actor(user.Id, user.DisplayName ?? name);
    }
}
