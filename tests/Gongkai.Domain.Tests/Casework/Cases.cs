using Gongkai.Domain.Casework;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Tests.Casework;

/// <summary>A clock that always says the same instant (tests never read the system clock).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Small builders for casework tests.</summary>
internal static class Cases
{
    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero));

    public static Recorded By => Recorded.Now("办理员王五", Clock);

    public static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static Applicant Person(string name = "张三", ApplicantKind kind = ApplicantKind.NaturalPerson) =>
        new(kind, name, new IdentityDocument(kind == ApplicantKind.NaturalPerson ? IdentityDocumentKind.ResidentIdentityCard : IdentityDocumentKind.UnifiedSocialCreditCode, $"ID-{name}"), new Contact("010-12345678"));

    public static Application App(DateOnly received, ApplicantKind kind = ApplicantKind.NaturalPerson, ReceiptChannel channel = ReceiptChannel.InPerson, string? name = null, Guid? id = null)
    {
        var evidence = channel switch
        {
            ReceiptChannel.Post => new ReceiptEvidence(received.AddDays(-3), SignedForOn: received),
            ReceiptChannel.Online or ReceiptChannel.Fax => new ReceiptEvidence(received.AddDays(-1), ConfirmedOn: received),
            _ => new ReceiptEvidence(received),
        };
        var caseId = id ?? Guid.NewGuid();
        return Application.Create(caseId, $"T-{caseId.ToString("N")[..6]}", Person(name ?? $"申请人{kind}", kind), "2024年度部门预算执行情况", DeliveryForm.Paper, channel, evidence);
    }

    public static ApplicationCase Register(DateOnly received, ApplicantKind kind = ApplicantKind.NaturalPerson, ReceiptChannel channel = ReceiptChannel.InPerson, string? name = null, Guid? id = null)
    {
        var app = App(received, kind, channel, name, id);
        return ApplicationCase.Register(new Registered(app.ReceivedOn, By, app));
    }

    public static ApplicationCase Then(this ApplicationCase c, params ApplicationEvent[] events) =>
        events.Aggregate(c, (acc, e) => acc.Append(e));

    public static Problem Refused(this ApplicationCase c, ApplicationEvent e)
    {
        var result = c.TryAppend(e);
        Assert.False(result.IsSuccess, $"{e.Kind} was accepted");
        return result.Problem!;
    }

    public static Decided Decide(DateOnly on, ApplicationOutcome outcome = ApplicationOutcome.Granted) =>
        new(on, By, outcome, "《中华人民共和国政府信息公开条例》第三十六条第（二）项");
}
