using System.Text.Json.Serialization;

namespace Gongkai.Domain.Casework;

/// <summary>Who recorded an event and when (from a <see cref="TimeProvider"/>, never the system clock directly).</summary>
public sealed record Recorded(string By, DateTimeOffset At)
{
    public static Recorded Now(string by, TimeProvider clock) => new(by, clock.GetUtcNow());
}

/// <summary>Whose views are sought during a consultation (Arts. 32 and 34).</summary>
public enum ConsultationParty
{
    /// <summary>第三方 (Art. 32).</summary>
    ThirdParty,

    /// <summary>其他行政机关 (Art. 34).</summary>
    OtherAgency,
}

/// <summary>How a consultation ended.</summary>
public enum ConsultationReply
{
    /// <summary>同意公开.</summary>
    Agreed,

    /// <summary>不同意公开 (with reasons).</summary>
    Objected,

    /// <summary>逾期未提出意见.</summary>
    NoReply,
}

/// <summary>The two charging methods of 国办函〔2020〕109号; one per application.</summary>
public enum FeeMethod
{
    /// <summary>按件: per request, counted per applicant per calendar month.</summary>
    PerRequest,

    /// <summary>按量: per page, counted per application.</summary>
    PerPage,
}

/// <summary>Why an application was deemed abandoned (视为放弃申请).</summary>
public enum AbandonmentReason
{
    /// <summary>无正当理由逾期不补正 (Art. 30) → table 3 （六）1.</summary>
    NoSupplement,

    /// <summary>逾期未缴纳信息处理费 → table 3 （六）2.</summary>
    FeeUnpaid,
}

/// <summary>
/// Something that happened to an application: appended, never changed. <see cref="OccurredOn"/> is the date the
/// event took effect (a notice's date, the day a supplement arrived); <see cref="Recorded"/> says who entered it
/// and when. Serialised with a <c>kind</c> discriminator (<see cref="ApplicationEventJson"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Registered), "registered")]
[JsonDerivedType(typeof(SupplementRequested), "supplement_requested")]
[JsonDerivedType(typeof(SupplementReceived), "supplement_received")]
[JsonDerivedType(typeof(ConsultationStarted), "consultation_started")]
[JsonDerivedType(typeof(ConsultationEnded), "consultation_ended")]
[JsonDerivedType(typeof(Extended), "extended")]
[JsonDerivedType(typeof(FeeNotified), "fee_notified")]
[JsonDerivedType(typeof(FeePaid), "fee_paid")]
[JsonDerivedType(typeof(Abandoned), "abandoned")]
[JsonDerivedType(typeof(Decided), "decided")]
[JsonDerivedType(typeof(Closed), "closed")]
[JsonDerivedType(typeof(Assigned), "assigned")]
[JsonDerivedType(typeof(Transferred), "transferred")]
public abstract record ApplicationEvent(DateOnly OccurredOn, Recorded Recorded)
{
    /// <summary>The event's kind, as stored (<c>registered</c>, <c>supplement_requested</c> …).</summary>
    [JsonIgnore]
    public string Kind => ApplicationEventJson.KindOf(GetType());
}

/// <summary>登记: the application was received and registered; <see cref="ApplicationEvent.OccurredOn"/> is its date of receipt.</summary>
public sealed record Registered(DateOnly OccurredOn, Recorded Recorded, Application Application) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>补正告知 (Art. 30): one-time notice, within 7 working days of receipt, of what to supplement, with an optional time limit.</summary>
public sealed record SupplementRequested(DateOnly OccurredOn, Recorded Recorded, string Items, DateOnly? SupplyBy = null) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>收到补正: the answer period restarts from this day.</summary>
public sealed record SupplementReceived(DateOnly OccurredOn, Recorded Recorded) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>征求意见 (Arts. 32, 34): from the day after this one until the consultation ends, the answer period is paused.</summary>
public sealed record ConsultationStarted(DateOnly OccurredOn, Recorded Recorded, ConsultationParty Party, string PartyName) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>征求意见结束: counting resumes on the next working day.</summary>
public sealed record ConsultationEnded(DateOnly OccurredOn, Recorded Recorded, ConsultationReply Reply) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>延长答复期限 (Art. 33): at most 20 working days in all, approved by the head of the disclosure office.</summary>
public sealed record Extended(DateOnly OccurredOn, Recorded Recorded, int WorkingDays, string ApprovedBy, string Reason) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>
/// 收费通知 (国办函〔2020〕109号): <paramref name="Units"/> requests (按件) or pages (按量); for 按件,
/// <paramref name="PriorRequestsInMonth"/> is how many requests the applicant had already made that calendar month.
/// <paramref name="Amount"/> in 元 must equal <see cref="FeeCalculator"/>'s figure.
/// </summary>
public sealed record FeeNotified(DateOnly OccurredOn, Recorded Recorded, FeeMethod Method, int Units, int PriorRequestsInMonth, decimal Amount) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>缴费: the fee was paid (in 元).</summary>
public sealed record FeePaid(DateOnly OccurredOn, Recorded Recorded, decimal Amount) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>视为放弃申请: not supplemented, or the fee not paid, in time. Ends the case with （六）1 or （六）2.</summary>
public sealed record Abandoned(DateOnly OccurredOn, Recorded Recorded, AbandonmentReason Reason) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>答复: the decision, as exactly one table 3 outcome row, with its legal ground.</summary>
/// <param name="OccurredOn">The date of the 答复书.</param>
/// <param name="Recorded">Who entered it and when.</param>
/// <param name="Outcome">The Table 3 row.</param>
/// <param name="LegalGround">The provision cited, as text (the chosen <see cref="DecisionGround.Article"/>, or typed before grounds existed).</param>
/// <param name="Ground">The <see cref="DecisionGrounds"/> code staff chose (null on events stored before grounds existed).</param>
/// <param name="Reasons">The reasons in the staff's own words (facts of the case), quoted in the letter.</param>
/// <param name="HeldBy">For 无法提供 (Art. 36(4), (5)): the agency that holds or is responsible for the information, where known.</param>
public sealed record Decided(
    DateOnly OccurredOn,
    Recorded Recorded,
    ApplicationOutcome Outcome,
    string LegalGround,
    string? Ground = null,
    string? Reasons = null,
    string? HeldBy = null) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>办结归档 (Art. 45).</summary>
public sealed record Closed(DateOnly OccurredOn, Recorded Recorded) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>
/// 指派承办人: from this day <paramref name="Handler"/> (the staff account's user name; <paramref name="HandlerName"/> as shown)
/// handles the case. Allowed until the case is closed; the answer period is unchanged.
/// </summary>
public sealed record Assigned(DateOnly OccurredOn, Recorded Recorded, string Handler, string HandlerName) : ApplicationEvent(OccurredOn, Recorded);

/// <summary>
/// 转办: the case moves from <paramref name="FromAgency"/> to <paramref name="ToAgency"/> (names as shown; both of one
/// government's agency tree) for the stated <paramref name="Reason"/>. The applicant applied to the government once:
/// the date of receipt (Art. 31) and the answer period (Art. 33) stay as they were, so the receiving agency answers by the
/// same due date. Allowed while the case is undecided; the new agency assigns its own 承办人.
/// </summary>
public sealed record Transferred(DateOnly OccurredOn, Recorded Recorded, string FromAgency, string ToAgency, string Reason) : ApplicationEvent(OccurredOn, Recorded);
