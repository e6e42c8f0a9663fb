using Gongkai.Domain.Casework;
using Gongkai.Render.Letters;

namespace Gongkai.Render.Tests.Letters;

/// <summary>Cases and issuers for the letter tests (dates in 2026, whose holiday notice is loaded).</summary>
internal static class LetterCases
{
    public static readonly LetterIssuer Issuer = new("兰陵县卫生健康局", "兰陵县文化路1号", "0539-5212345", "兰陵县人民政府", "兰陵县人民法院");

    public static readonly CaseRules Rules = CaseRules.Default;

    public static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static Recorded By(DateOnly on) => new("王办理", new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));

    public static ApplicationCase Registered(ReceiptChannel channel = ReceiptChannel.InPerson, DateOnly? on = null, DeliveryForm delivery = DeliveryForm.Email)
    {
        var day = on ?? D(2026, 3, 2);
        var evidence = channel switch
        {
            ReceiptChannel.InPerson or ReceiptChannel.Oral => new ReceiptEvidence(day),
            ReceiptChannel.Post => new ReceiptEvidence(day.AddDays(-2), SignedForOn: day),
            _ => new ReceiptEvidence(day.AddDays(-1), ConfirmedOn: day),
        };
        var applicant = new Applicant(ApplicantKind.NaturalPerson, "张三", new IdentityDocument(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002X"), new Contact("13800000000"));
        var app = Application.Create(Guid.NewGuid(), "LLWJ-2026-0001", applicant, "2025年县医院设备采购合同", delivery, channel, evidence);
        return ApplicationCase.Register(new Registered(app.ReceivedOn, By(app.ReceivedOn), app));
    }

    public static ApplicationCase Then(this ApplicationCase c, ApplicationEvent e) => c.Append(e, Rules);

    public static Letter Letter(ApplicationCase c, LetterKind kind, int? sequence = null, LetterIssuer? issuer = null) =>
        LetterComposer.Compose(new LetterRequest(c, sequence ?? c.Events.Length, kind, issuer ?? Issuer, "兰卫公开〔2026〕7号", Rules));

    public static string Text(Letter letter) => string.Join("\n", letter.Lines());
}
