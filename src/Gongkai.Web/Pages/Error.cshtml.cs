using System.Diagnostics;
using Gongkai.Data;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The friendly error page: a message in Chinese and the trace id, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "出错了";

    public string Message { get; private set; } = "系统处理您的请求时出错，请稍后重试。";

    public string? TraceId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error.IsLostRace() == true)
        {
            // Someone else saved first (a lost race): not a failure of the system, and not 500.
            code = StatusCodes.Status409Conflict;
            Response.StatusCode = code.Value;
        }

        (Heading, Message) = code switch
        {
            404 => ("页面不存在", "您要找的页面或记录不存在，或者您无权查看。"),
            403 => ("无权访问", "您的账号无权进行此操作。"),
            400 => ("请求无效", "请求的内容无效，请返回上一页重新操作。"),
            409 => ("已被他人修改", Conflicts.Message),
            413 => ("文件过大", RequestSizeLimit.Message),
            429 => ("请求过于频繁", "提交次数过多，请稍后再试。"),
            _ => (Heading, Message),
        };
        if (code is >= 400 and < 500)
        {
            TraceId = null;
        }
    }
}
