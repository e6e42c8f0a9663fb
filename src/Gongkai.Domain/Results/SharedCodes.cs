namespace Gongkai.Domain.Results;

/// <summary>
/// Codes more than one area uses with the same meaning, worded once here; the area catalogues
/// (<c>AnnualReportCodes</c>, <c>DisclosureCodes</c>) fall back to this one.
/// </summary>
public static class SharedCodes
{
    /// <summary>A workflow step not allowed in the current state.</summary>
    public const string WrongState = "FLOW.wrong-state";

    /// <summary>A workflow step that needs a comment or note got none.</summary>
    public const string CommentRequired = "FLOW.comment-required";

    /// <summary>An error without a more specific code (wraps a bare message).</summary>
    public const string Unknown = "error";

    public static readonly MessageCatalogue Messages = new("shared", new Dictionary<string, (string, string?)>
    {
        [WrongState] = ("当前状态下不能执行该操作", "not allowed in the current state"),
        [CommentRequired] = ("该操作须填写意见或说明", "this step needs a comment or note"),
        [Unknown] = ("操作未完成", "the step was refused"),
    });
}
