using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Reports;
using Gongkai.Import;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests.Workspace;

/// <summary>
/// The pre-publication checks on the real 淮安市洪泽区人民政府 reports (2023 and 2024, text as
/// pdftotext gives it; the Import tests' fixtures), imported as a body without casework would.
/// </summary>
public sealed class RealReportChecksTests(ITestOutputHelper output)
{
    private static string Fixture(string name)
    {
        var root = RepoRoot.Find();
        Assert.NotNull(root);
        return Path.Combine(root, "tests", "Gongkai.Import.Tests", "Fixtures", "reports", name, "input.txt");
    }

    private static ReportDraft Draft(Report report, int year)
    {
        var draft = ReportDraft.Start("淮安市洪泽区人民政府", AgencyKind.Government, year, report, TablesOrigin.Imported);
        foreach (var s in report.Sections.Where(s => ReportDraft.WrittenSections.Contains(s.Number)))
        {
            draft = draft.WithNarrative(s.Number, (draft.TextOf(s.Number) + "\n" + s.Text).Trim()).Value;
        }

        return draft;
    }

    [Fact]
    public void Hongze2024_QuotedSeventeenAgainstNinetyFive_IsAWarning_NotAnError()
    {
        var last = Draft(ReportImporter.Import(Fixture("pdftotext-hzq2023")), 2023).ToReport();
        var draft = Draft(ReportImporter.Import(Fixture("pdftotext-hzq2024")), 2024);
        Assert.Equal(95m, draft.Tables["table3", "new_received", 6].Value);

        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero));
        var result = ReportChecks.Run(draft, last, clock);
        foreach (var f in result.Findings)
        {
            output.WriteLine(f.Diagnostic.ToLine());
        }

        var figure = Assert.Single(result.Findings, f => f.Code == AnnualReportCodes.NarrativeFigure && f.Diagnostic.Message.Contains("17", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, figure.Severity);
        Assert.Contains("95", figure.Diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Code is AnnualReportCodes.DeadlinePassed or AnnualReportCodes.DeadlineNear);
        Assert.DoesNotContain(result.Findings, f => f.Code == AnnualReportCodes.NarrativeEmpty);
    }
}
