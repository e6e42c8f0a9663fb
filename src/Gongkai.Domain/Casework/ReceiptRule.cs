using Gongkai.Domain.Results;

namespace Gongkai.Domain.Casework;

/// <summary>Art. 31: the date of receipt per channel.</summary>
public static class ReceiptRule
{
    /// <summary>
    /// In person or orally: the day submitted. By post: the day the agency signed for it, or for an ordinary letter
    /// that needs no signature, the day the office confirmed with the applicant. Online or by fax: the day both sides
    /// confirmed. A date the rule needs but the evidence lacks is an error (code <c>receipt.missing-date</c>).
    /// </summary>
    public static Result<DateOnly> ReceivedOn(ReceiptChannel channel, ReceiptEvidence evidence)
    {
        DateOnly? date = channel switch
        {
            ReceiptChannel.InPerson or ReceiptChannel.Oral => evidence.SubmittedOn,
            ReceiptChannel.Post => evidence.SignedForOn ?? evidence.ConfirmedOn,
            ReceiptChannel.Online or ReceiptChannel.Fax => evidence.ConfirmedOn,
            _ => null,
        };
        if (date is not { } d)
        {
            var need = channel == ReceiptChannel.Post ? "签收日期或（平常信函）与申请人确认的日期" : "双方确认的日期";
            return CaseworkCodes.Problem(CaseworkCodes.ReceiptMissingDate, CaseworkText.Of(channel), need);
        }

        if (d < evidence.SubmittedOn)
        {
            return CaseworkCodes.Problem(CaseworkCodes.ReceiptBeforeSubmission, CaseworkCodes.Day(d), CaseworkCodes.Day(evidence.SubmittedOn));
        }

        return d;
    }

    /// <summary>The rule of Art. 31 for <paramref name="channel"/> in words, as printed on a 回执.</summary>
    public static string ExplainZh(ReceiptChannel channel) => channel switch
    {
        ReceiptChannel.InPerson => "当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）",
        ReceiptChannel.Oral => "口头提出的，以提出之日为收到申请之日（条例第三十一条第一项）",
        ReceiptChannel.Post => "邮寄的，以签收之日为收到申请之日；平常信函等无需签收的，以与申请人确认之日为收到申请之日（条例第三十一条第二项）",
        ReceiptChannel.Online or ReceiptChannel.Fax => "通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）",
        _ => "收到申请之日按条例第三十一条确定",
    };
}
