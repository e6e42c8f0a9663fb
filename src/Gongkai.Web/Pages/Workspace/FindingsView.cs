using Gongkai.Domain.AnnualReports;

namespace Gongkai.Web.Pages.Workspace;

/// <summary>The model of the <c>_Findings</c> partial: the checks, and whether explain forms are shown (desk, editable draft).</summary>
public sealed record FindingsView(ReportCheckResult Checks, bool CanExplain, int Year, int Version);

/// <summary>The model of the <c>_Overrides</c> partial.</summary>
public sealed record OverridesView(ReportDraft Draft, bool CanEdit, int Version);
