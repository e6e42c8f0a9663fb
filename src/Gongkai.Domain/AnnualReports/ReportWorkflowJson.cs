using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// JSON of a draft and of a workflow. The top level is the canonical report JSON
/// (report-json.md) of the public report — for a workflow, its latest published version if there
/// is one (a correction in progress does not replace it), else the draft as it would be published —
/// so anything that reads canonical JSON reads what the public sees; the key <c>annual_report</c>
/// adds the working draft (base tables, narrative, overrides, explanations, figures) and, for a
/// workflow, the state, revision, history and every published version.
/// </summary>
public static class ReportWorkflowJson
{
    public const string Key = "annual_report";

    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Whether <paramref name="json"/> holds a draft (has the <c>annual_report</c> key).</summary>
    public static bool HasDraft(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject o && o.ContainsKey(Key);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static string Serialize(ReportWorkflow workflow)
    {
        var root = Canonical(workflow.Draft, workflow.Current?.ToReport());
        var ar = (JsonObject)root[Key]!;
        ar["state"] = workflow.State.ToString();
        ar["revision"] = workflow.Revision;
        ar["revision_note"] = workflow.RevisionNote;
        ar["history"] = new JsonArray([.. workflow.History.Select(h => (JsonNode)new JsonObject
        {
            ["seq"] = h.Sequence,
            ["action"] = h.Action.ToString(),
            ["actor"] = ActorNode(h.Actor),
            ["at"] = h.At.ToString("O", CultureInfo.InvariantCulture),
            ["from"] = h.From.ToString(),
            ["to"] = h.To.ToString(),
            ["revision"] = h.Revision,
            ["comment"] = h.Comment,
            ["edit"] = h.Edit?.ToString(),
        })]);
        ar["versions"] = new JsonArray([.. workflow.Versions.Select(v => (JsonNode)new JsonObject
        {
            ["revision"] = v.Revision,
            ["published_at"] = v.PublishedAt.ToString("O", CultureInfo.InvariantCulture),
            ["published_by"] = ActorNode(v.PublishedBy),
            ["note"] = v.RevisionNote,
            ["report"] = Canonical(v.Draft, v.ToReport()),
        })]);
        return root.ToJsonString(s_options);
    }

    public static string Serialize(ReportDraft draft) => Canonical(draft).ToJsonString(s_options);

    /// <summary>Reads a workflow written by <see cref="Serialize(ReportWorkflow)"/>.</summary>
    public static ReportWorkflow ParseWorkflow(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("Not a JSON object.");
        var draft = ReadDraft(root);
        var ar = root[Key]!.AsObject();
        return new ReportWorkflow
        {
            Draft = draft,
            State = Enum.Parse<ReportState>((string?)ar["state"] ?? nameof(ReportState.Draft)),
            Revision = (int?)ar["revision"] ?? 1,
            RevisionNote = (string?)ar["revision_note"],
            History = ar["history"] is JsonArray h
                ? [.. h.Select(e => new ReportHistoryEntry(
                    (int)e!["seq"]!,
                    Enum.Parse<ReportAction>((string)e["action"]!),
                    ReadActor(e["actor"]!),
                    DateTimeOffset.Parse((string)e["at"]!, CultureInfo.InvariantCulture),
                    Enum.Parse<ReportState>((string)e["from"]!),
                    Enum.Parse<ReportState>((string)e["to"]!),
                    (int)e["revision"]!,
                    (string?)e["comment"],
                    (string?)e["edit"] is { } edit ? Enum.Parse<ReportEdit>(edit) : null))]
                : [],
            Versions = ar["versions"] is JsonArray v
                ? [.. v.Select(e => new PublishedVersion(
                    (int)e!["revision"]!,
                    ReadDraft(e["report"]!.AsObject()),
                    DateTimeOffset.Parse((string)e["published_at"]!, CultureInfo.InvariantCulture),
                    ReadActor(e["published_by"]!),
                    (string?)e["note"]))]
                : [],
        };
    }

    /// <summary>Reads the draft of <paramref name="json"/>.</summary>
    public static ReportDraft ParseDraft(string json) =>
        ReadDraft(JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("Not a JSON object."));

    private static JsonObject Canonical(ReportDraft draft, Report? shown = null)
    {
        var root = JsonNode.Parse(ReportJson.Serialize(shown ?? draft.ToReport()))!.AsObject();
        root[Key] = new JsonObject
        {
            ["kind"] = draft.Kind.ToString(),
            ["origin"] = draft.Origin.ToString(),
            ["source_name"] = draft.Tables.SourceName,
            ["base"] = JsonNode.Parse(ReportJson.Serialize(draft.Tables, includeExtras: false)),
            ["narrative"] = new JsonObject(draft.Narrative.Select(n => KeyValuePair.Create(n.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)n.Value))),
            ["overrides"] = new JsonArray([.. draft.Overrides.Values.OrderBy(o => o.Cell.ToString(), StringComparer.Ordinal).Select(o => (JsonNode)new JsonObject
            {
                ["table"] = o.Cell.Table,
                ["row"] = o.Cell.Row,
                ["column"] = o.Cell.Column,
                ["old"] = o.Old.Value is { } old ? JsonValue.Create(old) : null,
                ["old_state"] = o.Old.State.ToString(),
                ["old_raw"] = o.Old.Raw,
                ["new"] = o.New,
                ["reason"] = o.Reason,
                ["by"] = o.By,
                ["at"] = o.At.ToString("O", CultureInfo.InvariantCulture),
            })]),
            ["explanations"] = new JsonArray([.. draft.Explanations.Values.Select(e => (JsonNode)new JsonObject
            {
                ["key"] = e.FindingKey,
                ["text"] = e.Text,
                ["by"] = e.By,
                ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture),
            })]),
            ["figures"] = new JsonObject
            {
                ["proactive_items"] = draft.Figures.ProactiveItemsPublished,
                ["information_fees_yuan"] = draft.Figures.InformationFeesYuan,
            },
        };
        return root;
    }

    private static ReportDraft ReadDraft(JsonObject root)
    {
        var ar = root[Key]?.AsObject() ?? throw new InvalidDataException($"No '{Key}' object: not a draft.");
        var tables = ReportJson.Parse(ar["base"]!.ToJsonString()) with { SourceName = (string?)ar["source_name"] };
        var agency = tables.Agency ?? (string?)root["agency"] ?? string.Empty;
        var year = tables.Year ?? (int?)root["year"] ?? 0;
        var draft = ReportDraft.Start(agency, Enum.Parse<AgencyKind>((string)ar["kind"]!), year, tables, Enum.Parse<TablesOrigin>((string)ar["origin"]!));
        var narrative = ar["narrative"] is JsonObject n
            ? n.Where(p => p.Value is not null).ToImmutableSortedDictionary(p => int.Parse(p.Key, CultureInfo.InvariantCulture), p => (string)p.Value!)
            : ImmutableSortedDictionary<int, string>.Empty;
        var overrides = ar["overrides"] is JsonArray o
            ? o.Select(x =>
            {
                var cell = new CellRef((string)x!["table"]!, (string)x["row"]!, (int)x["column"]!);
                var state = Enum.Parse<CellState>((string?)x["old_state"] ?? nameof(CellState.Number));
                var old = new Cell(state, (decimal?)x["old"], (string?)x["old_raw"]);
                return new CellOverride(cell, old, (decimal)x["new"]!, (string)x["reason"]!, (string)x["by"]!, DateTimeOffset.Parse((string)x["at"]!, CultureInfo.InvariantCulture));
            }).ToImmutableDictionary(x => x.Cell)
            : ImmutableDictionary<CellRef, CellOverride>.Empty;
        var explanations = ar["explanations"] is JsonArray e
            ? e.Select(x => new FindingExplanation((string)x!["key"]!, (string)x["text"]!, (string)x["by"]!, DateTimeOffset.Parse((string)x["at"]!, CultureInfo.InvariantCulture)))
                .ToImmutableSortedDictionary(x => x.FindingKey, x => x, StringComparer.Ordinal)
            : draft.Explanations;
        var figures = ar["figures"] is JsonObject f
            ? new SupplementaryFigures((int?)f["proactive_items"], (decimal?)f["information_fees_yuan"])
            : SupplementaryFigures.None;
        return draft with { Narrative = narrative, Overrides = overrides, Explanations = explanations, Figures = figures };
    }

    private static JsonObject ActorNode(ReportActor a) => new() { ["id"] = a.Id, ["name"] = a.Name, ["role"] = a.Role.ToString() };

    private static ReportActor ReadActor(JsonNode n) => new((string)n["id"]!, (string)n["name"]!, Enum.Parse<ReportRole>((string)n["role"]!));
}
