namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A request whose declared body (Content-Length) is over the server's limit is answered before its
/// body is read: 413 with the limit named, in Chinese: the error page for a form, ProblemDetails
/// (code <see cref="Code"/>) under /api. Without this, the form reader fails inside the antiforgery
/// check and the user sees the generic 400 page. Every upload endpoint (report upload, the annual
/// report workspace, /api/reports/check) also checks <see cref="GongkaiWebExtensions.MaxUploadBytes"/>
/// itself; Kestrel's MaxRequestBodySize stops bodies without a declared length.
/// </summary>
public static class RequestSizeLimit
{
    /// <summary>The largest request body accepted: an upload of <see cref="GongkaiWebExtensions.MaxUploadBytes"/> plus 1 MB for the form around it.</summary>
    public const long MaxRequestBytes = GongkaiWebExtensions.MaxUploadBytes + (1024 * 1024);

    public const string Code = "upload.too-large";

    /// <summary>The message naming the limit.</summary>
    public static string Message { get; } = $"上传的文件过大：上限为 {GongkaiWebExtensions.MaxUploadBytes / 1024 / 1024} MB，未作处理。";

    public static WebApplication UseRequestSizeLimit(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.ContentLength > MaxRequestBytes)
            {
                ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                ctx.Response.Headers.Connection = "close";
                if (!ctx.Request.Path.StartsWithSegments("/api"))
                {
                    // Written here: re-executing the error page for this request would read the form that is too large.
                    ctx.Response.ContentType = "text/html; charset=utf-8";
                    await ctx.Response.WriteAsync(
                        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>文件过大</title></head><body><main><h1>文件过大</h1><p>{Message}</p><p>请返回上一页，选择较小的文件后重试。</p><p><a href=\"/\">返回首页</a></p></main></body></html>");
                }

                // Under /api the status code pages (UseGongkaiErrorHandling) write the ProblemDetails.
                return;
            }

            await next();
        });
        return app;
    }

    /// <summary>The ProblemDetails of a 413: the message and the code.</summary>
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
        {
            context.ProblemDetails.Title = Message;
            context.ProblemDetails.Detail = Message;
            context.ProblemDetails.Extensions["code"] = Code;
            context.ProblemDetails.Extensions["limitBytes"] = GongkaiWebExtensions.MaxUploadBytes;
        }
    }
}
