using System.Reflection;
using System.Text.RegularExpressions;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Tests.Results;

public sealed partial class MessageCatalogueTests
{
    /// <summary>Abbreviations a Chinese message may write in Latin letters (as the crawl's allow-list).</summary>
    private static readonly HashSet<string> s_allowed = new(StringComparer.Ordinal)
    {
        "PDF", "DOCX", "DOC", "XLSX", "XLS", "OFD", "JPG", "PNG", "ZIP", "CSV", "JSON",
    };

    /// <summary>Each area's catalogue and the class whose constants are its codes.</summary>
    public static TheoryData<string> Areas() => ["shared", "casework", "annual-reports", "disclosure"];

    private static (MessageCatalogue Catalogue, Type Codes) Area(string area) => area switch
    {
        "shared" => (SharedCodes.Messages, typeof(SharedCodes)),
        "casework" => (CaseworkCodes.Messages, typeof(CaseworkCodes)),
        "annual-reports" => (AnnualReportCodes.Messages, typeof(AnnualReportCodes)),
        "disclosure" => (DisclosureCodes.Messages, typeof(DisclosureCodes)),
        _ => throw new ArgumentOutOfRangeException(nameof(area)),
    };

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [Theory]
    [MemberData(nameof(Areas))]
    public void EveryCode_HasAChineseMessage_WithoutEnglishWords(string area)
    {
        var (catalogue, codes) = Area(area);
        Assert.NotEmpty(catalogue.Codes);
        foreach (var code in catalogue.Codes.Concat(Constants(codes)))
        {
            var zh = catalogue.TemplateZh(code);
            Assert.False(string.IsNullOrWhiteSpace(zh), $"{area}: {code} has no Chinese message");
            Assert.Matches(Han(), zh);
            var english = LatinWord().Matches(zh!).Select(m => m.Value).Where(w => !s_allowed.Contains(w)).ToList();
            Assert.True(english.Count == 0, $"{area}: {code} reads “{zh}” ({string.Join(", ", english)})");
        }
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void EveryMessage_FilledWithArguments_LeavesNoPlaceholder(string area)
    {
        var catalogue = Area(area).Catalogue;
        foreach (var code in catalogue.Codes)
        {
            var problem = catalogue.Problem(code, "甲", "乙", "丙");
            Assert.DoesNotContain("{", problem.MessageZh, StringComparison.Ordinal);
            Assert.DoesNotContain("{", problem.Message, StringComparison.Ordinal);
            Assert.Equal(code, problem.Code);
        }
    }

    [Fact]
    public void Codes_AreUniqueAcrossAreas_SharedOnesWordedOnce()
    {
        var areas = new[] { CaseworkCodes.Messages, AnnualReportCodes.Messages, DisclosureCodes.Messages };
        var all = areas.SelectMany(a => a.Codes.Select(c => (a.Area, Code: c))).Concat(SharedCodes.Messages.Codes.Select(c => (Area: "shared", Code: c))).ToList();
        var twice = all.GroupBy(x => x.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key} ({string.Join(", ", g.Select(x => x.Area))})").ToList();
        Assert.True(twice.Count == 0, "defined twice: " + string.Join("; ", twice));

        // The workflow areas reach the shared codes through their fallback, with the one wording.
        Assert.Equal(SharedCodes.Messages.Zh(SharedCodes.WrongState), AnnualReportCodes.Messages.Zh(AnnualReportCodes.WrongState));
        Assert.Equal(SharedCodes.Messages.Zh(SharedCodes.WrongState), DisclosureCodes.Messages.Zh(DisclosureCodes.WrongState));
        Assert.Equal(AnnualReportCodes.WrongState, DisclosureCodes.WrongState);
    }

    [Fact]
    public void AnAreaCatalogue_MayNotWordASharedCodeAgain() =>
        Assert.Throws<ArgumentException>(() => new MessageCatalogue("again", new Dictionary<string, (string, string?)> { [SharedCodes.WrongState] = ("不行", null) }, SharedCodes.Messages));

    [Fact]
    public void Problem_FillsTheTemplate_AndAppendsArgumentsBeyondItAsDetails()
    {
        var filled = CaseworkCodes.Problem(CaseworkCodes.ExtensionTooLong, "15", "10");
        Assert.Equal("延长的期限最长不得超过20个工作日（已延长15个，本次10个）", filled.MessageZh);

        var detailed = AnnualReportCodes.Problem(AnnualReportCodes.NotPermitted, "监督人员不能报送");
        Assert.Equal("当前角色无权执行该操作：监督人员不能报送", detailed.MessageZh);
        Assert.Equal(AnnualReportCodes.NotPermitted, detailed.Code);
    }

    [Fact]
    public void UnknownCode_ReadsAsItself()
    {
        Assert.Equal("no.such-code", CaseworkCodes.Messages.Zh("no.such-code"));
        Assert.False(CaseworkCodes.Messages.Contains("no.such-code"));
    }

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
