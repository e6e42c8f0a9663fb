using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Tests.Zoo;

/// <summary>What a form can carry besides plain numbers; the generator only prints what the form keeps.</summary>
[Flags]
public enum CellKinds
{
    /// <summary>Plain numbers only (a form that loses empty cells and placeholders).</summary>
    Numbers = 0,

    /// <summary>Empty cells (the form keeps cell boundaries).</summary>
    Blanks = 1,

    /// <summary><c>/</c>, <c>-</c>, <c>—</c>, <c>无</c> in table 2.</summary>
    Placeholders = 2,

    /// <summary>Units printed in the cell (<c>35件</c>, <c>12.5万元</c>).</summary>
    Units = 4,

    /// <summary>Fees with many decimals (<c>0.000000</c>, <c>12.3500</c>).</summary>
    Decimals = 8,

    All = Blanks | Placeholders | Units | Decimals,
}

/// <summary>
/// A random valid report: the source of truth (<see cref="Report"/>) and, for every cell, the text
/// the publisher printed in it. Table 3 and 4 add up (row totals, column balance, outcome totals);
/// magnitudes follow real reports (mostly zeros, a long tail of large counts, negative 本年增/减).
/// </summary>
public sealed class ZooReport
{
    private static readonly string[] s_places =
    [
        "兰陵县", "周村区", "洪泽区", "淮安市", "某市", "临沂市", "沂水县", "城关镇", "高新技术产业开发区", "东城街道", "北京市朝阳区", "江苏省",
    ];

    private static readonly string[] s_bodies =
    [
        "人民政府", "人民政府办公室", "卫生健康局", "生态环境局", "教育局", "自然资源和规划局", "交通运输局", "市场监督管理局", "公安局",
        "住房和城乡建设局", "财政局", "人力资源和社会保障局", "管理委员会", "司法局",
    ];

    private static readonly string[] s_countUnits = ["件", "个", "笔", "项", "次", "条"];

    private static readonly string[] s_placeholders = ["/", "-", "—", "无"];

    private ZooReport(Report report, IReadOnlyDictionary<CellRef, string> printed)
    {
        Report = report;
        Printed = printed;
    }

    public Report Report { get; }

    /// <summary>What each cell says on the page (a number as printed, <c>35件</c>, <c>/</c>, or empty).</summary>
    public IReadOnlyDictionary<CellRef, string> Printed { get; }

    public string Agency => Report.Agency!;

    public int Year => Report.Year!.Value;

    public string Text(CellRef cell) => Printed.TryGetValue(cell, out var s) ? s : string.Empty;

    public static ZooReport Generate(Random random, CellKinds kinds)
    {
        var year = random.Next(2019, 2026);
        var cat = FormatCatalogue.Default;
        var format = cat.FormatForYear(year).Id;
        var builder = new ReportBuilder(format, cat)
        {
            Agency = s_places[random.Next(s_places.Length)] + s_bodies[random.Next(s_bodies.Length)],
            Year = year,
        };
        var printed = new Dictionary<CellRef, string>();
        var scale = random.Next(4) switch { 0 => 1, 1 => 5, 2 => 30, _ => 400 };

        // Table 2: plausible rows (no more issued than can be in force, no item count below zero).
        var t2 = builder.LayoutOf("table2");
        foreach (var row in t2.Rows)
        {
            var counts = Enumerable.Range(0, row.Columns.Length).Select(_ => (decimal)Count(random, row.Key is "licensing" or "penalty" or "other_services" ? scale * 10 : scale)).ToArray();
            switch (row.Columns[0].Key)
            {
                case "issued":
                    counts[2] = Math.Max(counts[2], counts[0]);
                    break;
                case "new_made":
                    counts[2] = Math.Max(counts[2], counts[1]);
                    break;
                case "previous_items" when random.Next(3) == 0:
                    counts[1] = -random.Next(0, (int)counts[0] + 1);
                    break;
            }

            for (var c = 0; c < row.Columns.Length; c++)
            {
                var cell = new CellRef("table2", row.Key, c);
                var roll = random.NextDouble();
                if ((kinds & CellKinds.Blanks) != 0 && roll < 0.03)
                {
                    builder.Set(cell, Cell.Blank());
                    printed[cell] = string.Empty;
                    continue;
                }

                if ((kinds & CellKinds.Placeholders) != 0 && roll < 0.07)
                {
                    var p = s_placeholders[random.Next(s_placeholders.Length)];
                    builder.Set(cell, Cell.NonNumeric(p));
                    printed[cell] = p;
                    continue;
                }

                var isAmount = row.IsDecimal && (format == "2021" || row.Columns[c].Key == "amount");
                decimal value;
                string text;
                if (isAmount)
                {
                    (value, text) = Amount(random, kinds);
                }
                else
                {
                    value = counts[c];
                    text = value.ToString(CultureInfo.InvariantCulture);
                    if ((kinds & CellKinds.Units) != 0 && random.Next(12) == 0)
                    {
                        text += s_countUnits[random.Next(s_countUnits.Length)];
                    }
                }

                builder.Set(cell, Cell.Of(value, raw: text));
                printed[cell] = text;
            }
        }

        // Table 3: outcome rows first, then the totals and the balance.
        var t3 = builder.LayoutOf("table3");
        var totals = new decimal[7];
        foreach (var row in t3.Rows.Where(r => r.IsOutcome))
        {
            var cells = new decimal[7];
            var busy = row.Key == "granted" ? 0.9 : row.Key is "partially_granted" or "unable_not_held" ? 0.5 : 0.2;
            for (var c = 0; c < 6; c++)
            {
                var weight = c == 0 ? scale : c == 1 ? Math.Max(1, scale / 4) : 1;
                cells[c] = random.NextDouble() < busy * (c == 0 ? 1 : 0.4) ? Count(random, weight) : 0;
            }

            cells[6] = cells.Take(6).Sum();
            Set(builder, printed, row.Key, cells, random, kinds);
            for (var c = 0; c < 7; c++)
            {
                totals[c] += cells[c];
            }
        }

        var forward = new decimal[7];
        var over = new decimal[7];
        var received = new decimal[7];
        for (var c = 0; c < 6; c++)
        {
            forward[c] = random.Next(4) == 0 ? random.Next(0, 1 + (scale / 5)) : 0;
            over[c] = random.Next(4) == 0 ? random.Next(0, (int)Math.Min(totals[c] + forward[c], 1 + (scale / 5)) + 1) : 0;
            received[c] = totals[c] + forward[c] - over[c];
        }

        forward[6] = forward.Take(6).Sum();
        over[6] = over.Take(6).Sum();
        received[6] = received.Take(6).Sum();
        Set(builder, printed, "new_received", received, random, kinds);
        Set(builder, printed, "carried_over", over, random, kinds);
        Set(builder, printed, "total", totals, random, kinds);
        Set(builder, printed, "carried_forward", forward, random, kinds);

        // Table 4.
        foreach (var row in builder.LayoutOf("table4").Rows)
        {
            var parts = new decimal[5];
            for (var c = 0; c < 4; c++)
            {
                parts[c] = random.Next(3) == 0 ? Count(random, Math.Max(1, scale / 20)) : 0;
            }

            parts[4] = parts.Take(4).Sum();
            for (var c = 0; c < 5; c++)
            {
                var cell = new CellRef("table4", row.Key, c);
                var text = parts[c].ToString(CultureInfo.InvariantCulture);
                builder.Set(cell, Cell.Of(parts[c], raw: text));
                printed[cell] = text;
            }
        }

        return new ZooReport(builder.Build(), printed);
    }

    /// <summary>A count: mostly 0, often one digit, a tail of larger numbers scaled to the agency.</summary>
    private static int Count(Random random, int scale) => random.Next(10) switch
    {
        < 4 => 0,
        < 7 => random.Next(1, 10),
        < 9 => random.Next(1, (10 * scale) + 1),
        _ => random.Next(1, (100 * scale) + 1),
    };

    private static (decimal Value, string Text) Amount(Random random, CellKinds kinds)
    {
        var value = random.Next(3) switch
        {
            0 => 0m,
            1 => random.Next(1, 1000) / 100m,
            _ => random.Next(1, 10_000_000) / 10_000m,
        };
        var decimals = (kinds & CellKinds.Decimals) != 0 && random.Next(3) == 0 ? random.Next(4, 7) : -1;
        var text = decimals > 0
            ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : value.ToString("0.####", CultureInfo.InvariantCulture);
        if ((kinds & CellKinds.Units) != 0 && random.Next(8) == 0)
        {
            text += "万元";
        }

        return (value, text);
    }

    private static void Set(ReportBuilder builder, Dictionary<CellRef, string> printed, string row, decimal[] values, Random random, CellKinds kinds)
    {
        for (var c = 0; c < values.Length; c++)
        {
            var cell = new CellRef("table3", row, c);
            var text = values[c].ToString(CultureInfo.InvariantCulture);
            if ((kinds & CellKinds.Units) != 0 && random.Next(40) == 0)
            {
                text += s_countUnits[random.Next(s_countUnits.Length)];
            }

            builder.Set(cell, Cell.Of(values[c], raw: text));
            printed[cell] = text;
        }
    }
}
