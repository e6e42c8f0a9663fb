using Gongkai.Domain.AnnualReports;
using Gongkai.Data;
using Gongkai.Data.Casework;
using Gongkai.Data.Entities;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Demo;

/// <summary>
/// A year of demo applications for each agency, each taken through the domain step by step
/// (a step the domain refuses is simply not taken), plus a few reviews and register entries.
/// Deterministic: the same seed gives the same cases for the same day.
/// </summary>
public static class DemoCases
{
    private static readonly string[] s_names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴婷", "徐明", "孙丽", "马超", "朱琳", "胡军"];
    private static readonly string[] s_orgs = ["兰陵县宏达建材有限公司", "临沂市农业科学研究院", "兰陵县爱心志愿者协会", "山东鲁南律师事务所", "兰陵县某某村民委员会"];

    private static readonly Dictionary<string, string[]> s_topics = new()
    {
        ["LLWJ"] = ["2024年度县级公立医院财政补助资金使用情况", "兰陵县第二人民医院医疗废物处置合同", "基本公共卫生服务项目资金分配文件", "某诊所行政处罚决定书", "家庭医生签约服务考核结果", "县疾控中心突发公共卫生事件应急预案"],
        ["LLX"] = ["2025年度县级财政预算执行情况报告", "县政府常务会议纪要（涉及城区棚户区改造部分）", "兰陵县城区集中供热特许经营协议", "县政府关于调整城乡居民医疗保险缴费标准的批复", "兰陵县突发事件总体应急预案", "会宝湖生态保护专项资金使用情况"],
        ["LLZR"] = ["兰陵县国土空间总体规划（2021-2035年）批复文件", "某村集体土地征收补偿安置方案", "2024年度建设用地供应计划", "某宗地国有建设用地使用权出让合同", "卞庄街道土地征收成片开发方案", "矿产资源开采许可审批材料"],
    };

    private static readonly (ApplicationOutcome Outcome, int Weight)[] s_outcomes =
    [
        (ApplicationOutcome.Granted, 40), (ApplicationOutcome.PartiallyGranted, 8), (ApplicationOutcome.WithheldThirdParty, 3),
        (ApplicationOutcome.WithheldProcessInformation, 4), (ApplicationOutcome.WithheldInternalAffairs, 2), (ApplicationOutcome.WithheldAdministrativeQuery, 2),
        (ApplicationOutcome.UnableNotHeld, 20), (ApplicationOutcome.UnableNeedsCreation, 5), (ApplicationOutcome.NotProcessedPetition, 4),
        (ApplicationOutcome.NotProcessedRepeated, 3), (ApplicationOutcome.NotProcessedPublication, 1), (ApplicationOutcome.OtherOther, 2),
    ];

    /// <summary>How many days ago the applications kept open were received.</summary>
    private static readonly int[] s_inHand = [1, 4, 9, 45];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Agency> agencies, int perAgency)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        var rules = services.GetRequiredService<CaseRules>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = Gongkai.Domain.Calendar.ChinaTime.Today(clock);
        var random = new Random(20_26);
        var numbers = new HashSet<string>();
        foreach (var agency in agencies)
        {
            var topics = s_topics.TryGetValue(agency.Code, out var t) ? t : s_topics["LLWJ"];
            void Add(CaseRecord record, List<ApplicationEvent> events)
            {
                db.Cases.Add(record);
                for (var s = 0; s < events.Count; s++)
                {
                    db.CaseEvents.Add(new CaseEvent
                    {
                        CaseId = record.Id,
                        Sequence = s + 1,
                        Kind = events[s].Kind,
                        OccurredOn = events[s].OccurredOn,
                        Data = ApplicationEventJson.Serialize(events[s]),
                        RecordedAt = events[s].Recorded.At.UtcDateTime,
                        RecordedBy = "demo",
                    });
                }
            }

            for (var i = 0; i < perAgency; i++)
            {
                var received = today.AddDays(-random.Next(0, 365));
                var (record, events) = Build(agency, topics, received, today, rules, random);
                if (!numbers.Add(record.TrackingNumber))
                {
                    continue;
                }

                Add(record, events);
                if (i % 2000 == 1999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            // Applications still in hand whatever the random draw: three recent ones, and one past its
            // reply date (shown as 逾期 on the desk and to the supervisor).
            foreach (var daysAgo in s_inHand)
            {
                var (record, events) = Build(agency, topics, today.AddDays(-daysAgo), today, rules, random, keepOpen: true);
                if (numbers.Add(record.TrackingNumber))
                {
                    Add(record, events);
                }
            }

            SeedRegisters(db, agency, today, random);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var decided = await db.Cases.AsNoTracking().Where(c => c.AgencyId == agency.Id && c.Outcome != null)
                .OrderBy(c => c.ReceivedOn).Select(c => new { c.Id, c.ConcludedOn }).Take(8).ToListAsync();
            SeedReviews(db, agency, today, random, decided.Select(c => (c.Id, c.ConcludedOn)));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A 居民身份证 number with a valid date of birth and check character (the demo data passes the form's checks).</summary>
    private static string DemoIdNumber(Random random)
    {
        var first17 = $"371324{new DateOnly(1960, 1, 1).AddDays(random.Next(0, 15_000)):yyyyMMdd}{random.Next(100, 999)}";
        return first17 + Gongkai.Domain.Disclosure.PersonalData.IdCheckDigit(first17);
    }

    /// <summary>A 统一社会信用代码 with a valid check character.</summary>
    private static string DemoCreditCode(Random random)
    {
        var first17 = $"91371324MA3C0{random.Next(1000, 9999)}";
        return first17 + Gongkai.Domain.Disclosure.UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    private static (CaseRecord, List<ApplicationEvent>) Build(Agency agency, string[] topics, DateOnly received, DateOnly today, CaseRules rules, Random random, bool keepOpen = false)
    {
        var id = Guid.CreateVersion7();
        var organisation = random.Next(10) < 2;
        var kind = organisation ? (ApplicantKind)random.Next(1, 6) : ApplicantKind.NaturalPerson;
        var name = organisation ? s_orgs[(int)kind - 1] : s_names[random.Next(s_names.Length)];
        var channel = (ReceiptChannel)random.Next(0, 4);
        var evidence = channel switch
        {
            ReceiptChannel.Post => new ReceiptEvidence(received.AddDays(-2), SignedForOn: received),
            ReceiptChannel.Online or ReceiptChannel.Fax => new ReceiptEvidence(received, ConfirmedOn: received),
            _ => new ReceiptEvidence(received),
        };
        var applicant = new Applicant(
            kind,
            name,
            new IdentityDocument(organisation ? IdentityDocumentKind.UnifiedSocialCreditCode : IdentityDocumentKind.ResidentIdentityCard, organisation ? DemoCreditCode(random) : DemoIdNumber(random)),
            new Contact(Phone: "139" + random.Next(10000000, 99999999)));
        var application = Application.Create(id, CaseService.NewTrackingNumber(agency, received.Year), applicant, topics[random.Next(topics.Length)], DeliveryForm.Paper, channel, evidence);
        Recorded By(DateOnly d) => new("演示数据", new DateTimeOffset(d.ToDateTime(new TimeOnly(1, 30)), TimeSpan.Zero));

        var c = ApplicationCase.Register(new Registered(received, By(received), application));
        var day = received;
        bool Try(ApplicationEvent e)
        {
            if (e.OccurredOn > today)
            {
                return false;
            }

            if (!c.TryAppend(e, rules).TryGetValue(out var next))
            {
                return false;
            }

            c = next;
            day = e.OccurredOn;
            return true;
        }

        var roll = keepOpen ? 100 : random.Next(100);
        if (roll < 10 && Try(new SupplementRequested(day.AddDays(random.Next(1, 4)), By(day), "请写明所需信息的文号或形成时间", day.AddDays(20))))
        {
            if (random.Next(5) == 0)
            {
                Try(new Abandoned(day.AddDays(25), By(day), AbandonmentReason.NoSupplement));
            }
            else
            {
                Try(new SupplementReceived(day.AddDays(random.Next(2, 10)), By(day)));
            }
        }
        else if (roll < 18 && Try(new ConsultationStarted(day.AddDays(random.Next(2, 6)), By(day), ConsultationParty.ThirdParty, "兰陵县某医药有限公司")))
        {
            // "No reply" only once the 15 working days for a reply have run out (the domain refuses it earlier).
            var reply = (ConsultationReply)random.Next(3);
            Try(new ConsultationEnded(day.AddDays(reply == ConsultationReply.NoReply ? 30 : random.Next(5, 20)), By(day), reply));
        }
        else if (roll < 21)
        {
            var quote = FeeCalculator.Quote(FeeMethod.PerPage, random.Next(40, 150));
            if (Try(new FeeNotified(day.AddDays(random.Next(3, 8)), By(day), FeeMethod.PerPage, quote.Units, 0, quote.Amount)))
            {
                Try(new FeePaid(day.AddDays(random.Next(2, 10)), By(day), quote.Amount));
            }
        }

        if (keepOpen)
        {
            // Left in hand: registered only.
        }
        else if (c.State == ApplicationState.Open && random.Next(100) < 12)
        {
            Try(new Extended(day.AddDays(random.Next(5, 15)), By(day), 20, $"{agency.Name}办公室主任", "所需信息涉及多个科室，需要检索、汇总"));
        }

        if (c.State == ApplicationState.Open && !keepOpen)
        {
            var due = c.Deadline(rules).DueOn ?? day.AddDays(28);
            var late = random.Next(100) < 3;
            var span = Math.Max(1, due.DayNumber - day.DayNumber);
            var decideOn = late ? due.AddDays(random.Next(1, 6)) : day.AddDays(random.Next(1, span + 1));
            var outcome = Pick(random);
            var ground = DecisionGrounds.Default(outcome);
            if (Try(new Decided(decideOn, By(decideOn), outcome, ground.Article, ground.Code, outcome == ApplicationOutcome.Granted ? null : "经审查，" + ground.Name + "。")) && random.Next(3) > 0)
            {
                Try(new Closed(day.AddDays(random.Next(1, 10)), By(day)));
            }
        }

        var record = new CaseRecord
        {
            Id = id,
            AgencyId = agency.Id,
            TrackingNumber = application.TrackingNumber,
            Channel = channel,
            SubmittedOn = evidence.SubmittedOn,
            ApplicantName = name,
            ApplicantKind = kind,
            Description = application.Description,
            CreatedAt = received.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc),
        };
        CaseService.Refresh(record, c, rules);
        return (record, [.. c.Events]);
    }

    private static ApplicationOutcome Pick(Random random)
    {
        var n = random.Next(s_outcomes.Sum(o => o.Weight));
        foreach (var (outcome, weight) in s_outcomes)
        {
            if ((n -= weight) < 0)
            {
                return outcome;
            }
        }

        return ApplicationOutcome.Granted;
    }

    private static void SeedRegisters(GongkaiDbContext db, Agency agency, DateOnly today, Random random)
    {
        for (var year = today.Year - 1; year <= today.Year; year++)
        {
            for (var month = 1; month <= 12 && new DateOnly(year, month, 1) <= today; month++)
            {
                db.MonthlyCounts.Add(new MonthlyCountRecord
                {
                    AgencyId = agency.Id,
                    Year = year,
                    Month = month,
                    Licensing = random.Next(20, 80),
                    Penalty = random.Next(0, 12),
                    Coercion = random.Next(0, 2),
                    FeesTenThousandYuan = 0,
                });
            }
        }

        db.RegulatoryDocuments.Add(new RegulatoryDocumentRecord
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency.Id,
            Kind = RegulatoryDocumentKind.NormativeDocument,
            Title = $"{agency.Name}关于进一步规范政务公开工作的通知",
            DocumentNumber = $"{agency.Code}发〔{today.Year - 2}〕3号",
            IssuedOn = new DateOnly(today.Year - 2, 3, 15),
        });
        db.RegulatoryDocuments.Add(new RegulatoryDocumentRecord
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agency.Id,
            Kind = RegulatoryDocumentKind.NormativeDocument,
            Title = $"{agency.Name}行政执法公示办法",
            DocumentNumber = $"{agency.Code}发〔{today.Year - 1}〕12号",
            IssuedOn = new DateOnly(today.Year - 1, 6, 1),
        });
    }

    private static void SeedReviews(GongkaiDbContext db, Agency agency, DateOnly today, Random random, IEnumerable<(Guid Id, DateOnly? ConcludedOn)> decided)
    {
        var n = 0;
        foreach (var d in decided)
        {
            if (n++ >= 3)
            {
                break;
            }

            var concluded = d.ConcludedOn ?? today;
            var filed = concluded.AddDays(random.Next(10, 50));
            if (filed > today)
            {
                continue;
            }

            var decidedOn = filed.AddDays(60);
            db.Reviews.Add(new ReviewRecord
            {
                Id = Guid.CreateVersion7(),
                AgencyId = agency.Id,
                CaseId = d.Id,
                Route = n == 3 ? ReviewRoute.LitigationDirect : ReviewRoute.Reconsideration,
                FiledOn = filed,
                Body = n == 3 ? "兰陵县人民法院" : agency.Kind == AgencyKind.Government ? "临沂市人民政府" : "兰陵县人民政府",
                CaseNumber = n == 3 ? $"（{filed.Year}）鲁1324行初{random.Next(10, 99)}号" : $"兰政复决字〔{filed.Year}〕{random.Next(10, 99)}号",
                Outcome = decidedOn <= today ? ReviewOutcome.Upheld : null,
                DecidedOn = decidedOn <= today ? decidedOn : null,
            });
        }
    }
}
