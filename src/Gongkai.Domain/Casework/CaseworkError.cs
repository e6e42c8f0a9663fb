namespace Gongkai.Domain.Casework;

/// <summary>
/// Why a casework step was refused: a stable code (tests assert it), and the message in Chinese and English.
/// </summary>
public sealed record CaseworkError(string Code, string MessageZh, string Message)
{
    public override string ToString() => $"{Code}: {MessageZh} ({Message})";
}

/// <summary>Thrown by the throwing variants (<see cref="ApplicationCase.Append"/>); carries the <see cref="CaseworkError"/>.</summary>
public sealed class CaseworkException : Exception
{
    public CaseworkException(CaseworkError error)
        : base(error.ToString()) => Error = error;

    public CaseworkException()
        : this(new CaseworkError("case.error", "办件错误", "casework error"))
    {
    }

    public CaseworkException(string message)
        : this(new CaseworkError("case.error", message, message))
    {
    }

    public CaseworkException(string message, Exception innerException)
        : base(message, innerException) => Error = new CaseworkError("case.error", message, message);

    public CaseworkError Error { get; }
}

/// <summary>A value or the reason there is none.</summary>
public readonly record struct CaseworkResult<T>(T Value, CaseworkError? Error)
{
    public bool IsSuccess => Error is null;
}

/// <summary>Art. 31: the date of receipt per channel.</summary>
public static class ReceiptRule
{
    /// <summary>
    /// In person or orally: the day submitted. By post: the day the agency signed for it, or for an ordinary letter
    /// that needs no signature, the day the office confirmed with the applicant. Online or by fax: the day both sides
    /// confirmed. A date the rule needs but the evidence lacks is an error (code <c>receipt.missing-date</c>).
    /// </summary>
    public static CaseworkResult<DateOnly> ReceivedOn(ReceiptChannel channel, ReceiptEvidence evidence)
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
            var needEn = channel == ReceiptChannel.Post ? "the date signed for, or for an ordinary letter the date confirmed with the applicant" : "the date both sides confirmed";
            return new(default, new CaseworkError("receipt.missing-date", $"{CaseworkText.Of(channel)}申请需提供{need}（条例第三十一条）", $"a {channel} application needs {needEn} (Art. 31)"));
        }

        if (d < evidence.SubmittedOn)
        {
            return new(default, new CaseworkError("receipt.before-submission", $"收到日期 {d:yyyy-MM-dd} 早于提交日期 {evidence.SubmittedOn:yyyy-MM-dd}", "the date of receipt is before the date of submission"));
        }

        return new(d, null);
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
