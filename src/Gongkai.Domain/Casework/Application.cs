using System.Text.Json.Serialization;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Casework;

/// <summary>
/// The applicant's Table 3 column (申请人情况): a natural person (自然人) or one of the five kinds of 法人或其他组织.
/// The numeric value is the column index in table 3.
/// </summary>
public enum ApplicantKind
{
    /// <summary>自然人.</summary>
    NaturalPerson = 0,

    /// <summary>商业企业.</summary>
    CommercialEnterprise = 1,

    /// <summary>科研机构.</summary>
    ResearchInstitution = 2,

    /// <summary>社会公益组织.</summary>
    PublicWelfareOrganization = 3,

    /// <summary>法律服务机构.</summary>
    LegalServiceInstitution = 4,

    /// <summary>其他 (other legal persons or organisations).</summary>
    OtherOrganization = 5,
}

/// <summary>How the application reached the agency (Art. 29); it fixes the date of receipt (Art. 31, <see cref="ReceiptRule"/>).</summary>
public enum ReceiptChannel
{
    /// <summary>当面提交: received the day it is handed in.</summary>
    InPerson,

    /// <summary>邮寄: the day the agency signs for it; an ordinary letter that needs no signature: the day the office confirms with the applicant.</summary>
    Post,

    /// <summary>网络 (online form, e-mail): the day both sides confirm.</summary>
    Online,

    /// <summary>传真: the day both sides confirm.</summary>
    Fax,

    /// <summary>口头 (Art. 29¶1: the office fills in the form): received the day it is made.</summary>
    Oral,
}

/// <summary>The kind of 身份证明 shown.</summary>
public enum IdentityDocumentKind
{
    /// <summary>居民身份证.</summary>
    ResidentIdentityCard,

    /// <summary>护照.</summary>
    Passport,

    /// <summary>统一社会信用代码 (legal persons).</summary>
    UnifiedSocialCreditCode,

    /// <summary>其他证件.</summary>
    Other,
}

/// <summary>The form in which the applicant asks for the information (Art. 29(3), Art. 40).</summary>
public enum DeliveryForm
{
    /// <summary>纸质.</summary>
    Paper,

    /// <summary>电子邮件.</summary>
    Email,

    /// <summary>光盘、U盘等电子数据.</summary>
    ElectronicMedia,

    /// <summary>当场查阅、抄录.</summary>
    Inspection,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>身份证明: kind and number.</summary>
public sealed record IdentityDocument(IdentityDocumentKind Kind, string Number);

/// <summary>联系方式.</summary>
public sealed record Contact(string? Phone = null, string? Email = null, string? Address = null);

/// <summary>The applicant (申请人): kind (table 3 column), name, 身份证明 and contact.</summary>
public sealed record Applicant(ApplicantKind Kind, string Name, IdentityDocument? Identity, Contact Contact)
{
    /// <summary>The key under which an applicant's requests are counted per month (按件 fees): the document number, else the name.</summary>
    [JsonIgnore]
    public string CountingKey => Identity is { } id ? $"{id.Kind}:{id.Number}" : $"name:{Name}";
}

/// <summary>
/// The dates that fix the date of receipt under Art. 31: when it was handed in or sent, when the agency signed for
/// a letter, when both sides confirmed (online, fax, or an ordinary letter that needs no signature).
/// </summary>
public sealed record ReceiptEvidence(DateOnly SubmittedOn, DateOnly? SignedForOn = null, DateOnly? ConfirmedOn = null);

/// <summary>
/// An application for government information (依申请公开, 政府信息公开申请) as registered. Plain and immutable;
/// what happens to it afterwards is the list of <see cref="ApplicationEvent"/>s of its <see cref="ApplicationCase"/>.
/// </summary>
/// <param name="Id">The case id.</param>
/// <param name="TrackingNumber">The number the applicant tracks the case by.</param>
/// <param name="Applicant">Who applied.</param>
/// <param name="Description">The information requested: name, 文号 or description (Art. 29(2)).</param>
/// <param name="DeliveryForm">The form requested (Art. 29(3)).</param>
/// <param name="Channel">How it arrived.</param>
/// <param name="Evidence">The dates that fix the date of receipt.</param>
/// <param name="ReceivedOn">The date of receipt under Art. 31 (<see cref="ReceiptRule.ReceivedOn"/>).</param>
/// <param name="Purpose">Optional since 2019.</param>
/// <param name="Requests">How many requests it counts as under 一事一申请 (for 按件 fees); at least 1.</param>
public sealed record Application(
    Guid Id,
    string TrackingNumber,
    Applicant Applicant,
    string Description,
    DeliveryForm DeliveryForm,
    ReceiptChannel Channel,
    ReceiptEvidence Evidence,
    DateOnly ReceivedOn,
    string? Purpose = null,
    int Requests = 1)
{
    /// <summary>An application whose <see cref="ReceivedOn"/> is fixed by the Art. 31 rule, or why the evidence does not fix it.</summary>
    public static Result<Application> TryCreate(
        Guid id,
        string trackingNumber,
        Applicant applicant,
        string description,
        DeliveryForm deliveryForm,
        ReceiptChannel channel,
        ReceiptEvidence evidence,
        string? purpose = null,
        int requests = 1) =>
        ReceiptRule.ReceivedOn(channel, evidence)
            .Map(received => new Application(id, trackingNumber, applicant, description, deliveryForm, channel, evidence, received, purpose, requests));

    /// <summary>As <see cref="TryCreate"/>; throws <see cref="ProblemException"/> when the evidence is incomplete.</summary>
    public static Application Create(
        Guid id,
        string trackingNumber,
        Applicant applicant,
        string description,
        DeliveryForm deliveryForm,
        ReceiptChannel channel,
        ReceiptEvidence evidence,
        string? purpose = null,
        int requests = 1) =>
        TryCreate(id, trackingNumber, applicant, description, deliveryForm, channel, evidence, purpose, requests).Value;
}
