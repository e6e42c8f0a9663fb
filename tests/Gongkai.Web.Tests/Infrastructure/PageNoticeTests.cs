using System.Text.RegularExpressions;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.Web.Accounts;
using Gongkai.Web.Agencies;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// What a page tells a person after a step comes from a catalogue as a <see cref="Notice"/>
/// (<c>PageNotices.Notify</c>), never from words a page writes itself.
/// </summary>
public sealed partial class PageNoticeTests
{
    public static TheoryData<string, string> Notices => new()
    {
        { AnnualReportCodes.DoneSubmitted, "已报送，等待审核。" },
        { AnnualReportCodes.DoneAccepted, "已审核通过。" },
        { DisclosureCodes.DonePublished, "已发布。" },
        { AccountCodes.DoneDisabled, "已停用 张三，该账号不能再登录。" },
        { AgencyCodes.DoneAdded, "已新增张三。" },
        { CaseworkCodes.DoneRegistered, "已登记，编号 张三。" },
    };

    [Theory]
    [MemberData(nameof(Notices))]
    public void Notice_KeepsTheWordsThePagesShowed(string code, string zh)
    {
        var catalogue = Catalogues().Single(c => c.Contains(code));
        var args = catalogue.TemplateZh(code)!.Contains("{0}", StringComparison.Ordinal) ? new[] { "张三" } : [];
        Assert.Equal(zh, catalogue.Notice(code, args).MessageZh);
    }

    [Fact]
    public void EveryNoticeCode_IsChinese_AndAnUnknownCodeIsRefused()
    {
        var done = Catalogues().SelectMany(c => c.Codes.Where(code => code.StartsWith("done.", StringComparison.Ordinal)).Select(code => (c, code))).ToList();
        Assert.True(done.Count >= 30, $"only {done.Count} notices");
        foreach (var (catalogue, code) in done)
        {
            var zh = catalogue.Notice(code, "1", "2").MessageZh;
            Assert.DoesNotMatch("[A-Za-z]", zh);
            Assert.Matches("[\u4e00-\u9fff]", zh);
        }

        Assert.Throws<ArgumentException>(() => AnnualReportCodes.Messages.Notice("done.report.unheard-of"));
    }

    [Fact]
    public void Pages_NeverWriteANoticeThemselves()
    {
        var root = RepoRoot.Find();
        Assert.NotNull(root);
        var pages = Directory.EnumerateFiles(Path.Combine(root, "src", "Gongkai.Web", "Pages"), "*.cs", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 30, $"only {pages.Count} page files");
        var offences = new List<string>();
        foreach (var file in pages)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (TempDataMessage().IsMatch(lines[i]) || DoneLiteral().IsMatch(lines[i]))
                {
                    offences.Add($"{Path.GetFileName(file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offences.Count == 0, "notices written in pages (use a catalogue's Notice and TempData.Notify):\n" + string.Join("\n", offences));
    }

    /// <summary>
    /// Form messages come from <c>FormCodes</c> too: a validation attribute names a code (which the
    /// data-annotation localizer words), page code writes <c>FormCodes.Zh</c>; no page or form writes
    /// a message literal.
    /// </summary>
    [Fact]
    public void Forms_NeverWriteAMessageThemselves()
    {
        var root = RepoRoot.Find();
        Assert.NotNull(root);
        var web = Path.Combine(root, "src", "Gongkai.Web");
        var files = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var offences = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (MessageLiteral().IsMatch(lines[i]))
                {
                    offences.Add($"{Path.GetRelativePath(web, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(offences.Count == 0, "form messages written by hand (use a FormCodes code):\n" + string.Join("\n", offences));
        Assert.Equal("请填写标题。", Gongkai.Web.Infrastructure.FormCodes.Localizer[Gongkai.Web.Infrastructure.FormCodes.TitleRequired].Value);
        Assert.Equal("标题", Gongkai.Web.Infrastructure.FormCodes.Localizer["标题"].Value);
    }

    private static IEnumerable<MessageCatalogue> Catalogues() =>
        [AnnualReportCodes.Messages, DisclosureCodes.Messages, CaseworkCodes.Messages, AccountCodes.Messages, AgencyCodes.Messages];

    /// <summary>A validation message given as a literal: an attribute's ErrorMessage, a ValidationResult, a model or field error, a page's Error.</summary>
    [GeneratedRegex(@"(ErrorMessage\s*=\s*|ValidationResult\(\s*|AddModelError\([^,]+,\s*|FieldErrors\[[^\]]+\]\s*=\s*|\bError\s*=\s*)\$?""")]
    private static partial Regex MessageLiteral();

    /// <summary>TempData["Message"] set by hand.</summary>
    [GeneratedRegex(@"TempData\[""Message""\]\s*=")]
    private static partial Regex TempDataMessage();

    /// <summary>A string literal (plain or interpolated) that reads like a notice: 已… or …已保存 …, ending with 。</summary>
    [GeneratedRegex(@"\$?""(已|[^""]{0,6}已(保存|发布|公开))[^""]*。""")]
    private static partial Regex DoneLiteral();
}
