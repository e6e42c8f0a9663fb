using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Casework;

namespace Gongkai.Web.AnnualReports;

/// <summary>
/// Where the workspace gets tables compiled from an agency's casework (<see cref="AnnualStatistics.Compile"/>)
/// and the figures the tables do not hold. Optional: without one registered, the workspace offers
/// only typed and imported tables.
/// </summary>
public interface IAnnualTablesSource
{
    /// <summary>The compiled tables (with the cases behind each cell) and the supplementary figures, or null when the agency has no casework for the year.</summary>
    Task<(CompiledStatistics Compiled, SupplementaryFigures Figures)?> CompileAsync(int agencyId, string agencyName, int year, CancellationToken ct);
}
