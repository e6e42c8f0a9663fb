using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Tests.Zoo;

/// <summary>
/// The zoo's property: an imported form gives back the source report exactly (format, agency, year,
/// every cell), except that in a glued form a cell may stay null as CELL.ambiguous when its
/// readings include the published value.
/// </summary>
public static class ZooProperty
{
    /// <summary>How many cases a text form runs (<c>GONGKAI_ZOO_CASES</c> overrides, for a long run).</summary>
    public static int Cases(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("GONGKAI_ZOO_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    /// <summary>The first seed (<c>GONGKAI_ZOO_SEED</c> replays one case).</summary>
    public static int? Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("GONGKAI_ZOO_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// Generates the case of <paramref name="seed"/> for <paramref name="form"/>; a wild case
    /// (<see cref="ZooWild.Applies"/>) has its page perturbed with a random of its own, so the
    /// report and the form's writing are those of the plain case.
    /// </summary>
    public static (ZooReport Source, byte[] Bytes, WildKinds Wild) Case(ZooForm form, int seed)
    {
        var random = new Random(seed);
        var source = ZooReport.Generate(random, form.Kinds);
        var page = new ZooPage(source, random);
        var wild = WildKinds.None;
        if (ZooWild.Applies(seed))
        {
            (page, wild) = ZooWild.Perturb(page, form, new Random(unchecked((seed * 7919) + 104729)));
        }

        return (source, form.Write(page, random), wild);
    }

    /// <summary>Every difference between what was published and what was read, as lines a person can act on.</summary>
    public static List<string> Differences(ZooReport source, Report read, bool glued) =>
        Differences(source.Report, read, glued, source.Text);

    /// <summary>
    /// Every difference between <paramref name="truth"/> and what was read; <paramref name="printed"/>
    /// gives a cell's printed text for the message (its raw text when null).
    /// </summary>
    /// <remarks>
    /// With <paramref name="blanksVanish"/> (a form where an empty cell leaves no trace, e.g. text cut
    /// at spaces), a row holding a blank cell may instead be left wholly unread: which cell was blank
    /// is truly ambiguous there. With <paramref name="columnsApart"/> too (a table printed column by
    /// column, pdftotext's default order), a cell may be left unread where its column, in its block of
    /// rows that share their columns, holds a blank: which row's cell was blank is ambiguous there.
    /// With <paramref name="blocksApart"/> too (pdftotext's default order of a Word-made PDF: the first
    /// column beside its labels, the others apart, in row order or column order depending on the
    /// page), any cell of such a block holding a blank may be left unread: which of the block's cells
    /// was blank is ambiguous there.
    /// </remarks>
    public static List<string> Differences(Report truth, Report read, bool glued, Func<CellRef, string>? printed = null, bool blanksVanish = false, bool columnsApart = false, bool blocksApart = false)
    {
        printed ??= c => truth[c].Raw ?? truth[c].Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var diffs = new List<string>();
        if (read.Format != truth.Format)
        {
            diffs.Add($"format: published {truth.Format}, read {read.Format}");
        }

        if (read.Agency != truth.Agency)
        {
            diffs.Add($"agency: published {truth.Agency}, read {read.Agency ?? "null"}");
        }

        if (read.Year != truth.Year)
        {
            diffs.Add($"year: published {truth.Year}, read {read.Year?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
        }

        foreach (var layout in truth.TableLayouts())
        {
            foreach (var cellRef in layout.Cells())
            {
                if (blanksVanish && (RowLeftUnread(truth, read, cellRef) || (columnsApart && ColumnBlockUnsettled(truth, read, cellRef, blocksApart))))
                {
                    continue;
                }

                var want = truth[cellRef];
                var got = read[cellRef];
                var ok = want.State switch
                {
                    CellState.Number => (got.State == CellState.Number && got.Value == want.Value)
                        || (glued && got.State == CellState.Ambiguous && got.Readings!.Contains(want.Value!.Value)),
                    CellState.Blank => got.State == CellState.Blank,
                    CellState.NonNumeric => got.State == CellState.NonNumeric,
                    _ => true,
                };
                if (!ok)
                {
                    diffs.Add($"{cellRef}: published {printed(cellRef)} ({want.State}), read {got.Value?.ToString(CultureInfo.InvariantCulture) ?? "null"} ({got.State} {got.Raw})");
                }
            }
        }

        return diffs;
    }

    private static bool RowLeftUnread(Report truth, Report read, CellRef cell)
    {
        var columns = truth.LayoutOf(cell.Table).Row(cell.Row)!.Columns.Length;
        var row = Enumerable.Range(0, columns).Select(c => new CellRef(cell.Table, cell.Row, c)).ToList();
        return row.Any(c => truth[c].State == CellState.Blank) && row.All(c => read[c].State == CellState.Missing);
    }

    /// <summary>
    /// Whether the cell is left unread and its column holds a blank within its block: the run of
    /// rows around it whose columns are the same (table 2's 规章 / 行政规范性文件, 行政处罚 / 行政强制);
    /// with <paramref name="anyColumn"/>, where any column of the block holds a blank.
    /// </summary>
    private static bool ColumnBlockUnsettled(Report truth, Report read, CellRef cell, bool anyColumn)
    {
        if (read[cell].State != CellState.Missing)
        {
            return false;
        }

        var rows = truth.LayoutOf(cell.Table).Rows;
        var at = rows.IndexOf(rows.First(r => r.Key == cell.Row));
        bool Same(int r) => rows[r].Columns.Select(c => c.Label).SequenceEqual(rows[at].Columns.Select(c => c.Label));
        var from = at;
        while (from > 0 && Same(from - 1))
        {
            from--;
        }

        var to = at;
        while (to + 1 < rows.Length && Same(to + 1))
        {
            to++;
        }

        var columns = anyColumn ? Enumerable.Range(0, rows[at].Columns.Length) : [cell.Column];
        return to > from && Enumerable.Range(from, to - from + 1).Any(r => columns.Any(c => truth[new CellRef(cell.Table, rows[r].Key, c)].State == CellState.Blank));
    }

    /// <summary>Imports <paramref name="bytes"/> as the form's file.</summary>
    public static Report Import(ZooForm form, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return ReportImporter.Import(stream, form.FileName);
    }
}
