using Gongkai.Domain.Results;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The one way a page tells a person, after a redirect, what happened: a <see cref="Notice"/> (a step
/// done) or a <see cref="Problem"/>, worded by its area's catalogue. The text travels in TempData under
/// <see cref="Key"/> (what the pages read). Pages never write the
/// words themselves (<c>PageNoticeTests</c> checks the page code for it).
/// </summary>
public static class PageNotices
{
    /// <summary>The TempData key of the text the pages show.</summary>
    public const string Key = "Message";

    /// <summary>Shows <paramref name="message"/> (a <see cref="Notice"/> or a <see cref="Problem"/>) on the page the post redirects to.</summary>
    public static void Notify(this ITempDataDictionary tempData, CatalogueMessage message)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        ArgumentNullException.ThrowIfNull(message);
        tempData[Key] = message.MessageZh;
    }
}
