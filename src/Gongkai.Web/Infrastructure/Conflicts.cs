using Gongkai.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The answer to a write that lost a race (<see cref="LostRace"/>): 409 with a Chinese message and a
/// stable code; under /api as ProblemDetails (with the current version where the caller knows it), on
/// a page as the message. Services that own a record (cases, disclosure items, accounts) answer it
/// themselves and keep the user's form; anything else that loses a race reaches the error handler,
/// which answers the same way instead of 500.
/// </summary>
public static class Conflicts
{
    /// <summary>The code in ProblemDetails' <c>code</c> extension for a race lost anywhere without a more specific code.</summary>
    public const string Code = "conflict";

    /// <summary>The message of a race lost anywhere without a more specific message.</summary>
    public const string Message = "该记录已被他人修改，未保存。请刷新后按最新内容重新操作。";

    /// <summary>409 as ProblemDetails: <paramref name="message"/> as title and detail, <c>code</c>, and <c>version</c> when known.</summary>
    public static ProblemHttpResult Problem(string message, string code, int? version = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (version is not null)
        {
            extensions["version"] = version;
        }

        return TypedResults.Problem(detail: message, statusCode: StatusCodes.Status409Conflict, title: message, extensions: extensions);
    }

    /// <summary>The error handler's ProblemDetails for a lost race: 409, the message and the code (other errors unchanged).</summary>
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.Exception.IsLostRace())
        {
            context.ProblemDetails.Status = StatusCodes.Status409Conflict;
            context.ProblemDetails.Title = Message;
            context.ProblemDetails.Detail = Message;
            context.ProblemDetails.Extensions["code"] = Code;
        }
    }
}
