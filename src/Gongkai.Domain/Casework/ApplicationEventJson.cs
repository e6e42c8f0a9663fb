using System.Collections.Frozen;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongkai.Domain.Casework;

/// <summary>
/// The stored form of <see cref="ApplicationEvent"/>s: a kind (<c>registered</c> …) and the event as JSON
/// (camelCase, enums as strings, Chinese as text rather than <c>\uXXXX</c> escapes: a third of the size
/// and readable in the database; older escaped rows read the same). <c>Serialize</c> then
/// <c>Deserialize</c> gives an equal event back. The JSON is stored, never written into a page unencoded.
/// </summary>
public static class ApplicationEventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    private static readonly FrozenDictionary<Type, string> s_kinds = typeof(ApplicationEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    private static readonly FrozenDictionary<string, Type> s_types = s_kinds.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>Every event kind.</summary>
    public static IEnumerable<string> Kinds => s_types.Keys.Order();

    public static string KindOf(Type type) => s_kinds[type];

    /// <summary>The event as JSON, including its <c>kind</c>.</summary>
    public static string Serialize(ApplicationEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>An event from <see cref="Serialize"/>'s JSON.</summary>
    public static ApplicationEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<ApplicationEvent>(json, Options) ?? throw new JsonException("null event");

    /// <summary>An event from a stored kind and its JSON (the <c>kind</c> property in the JSON may be absent).</summary>
    public static ApplicationEvent Deserialize(string kind, string json)
    {
        if (!s_types.TryGetValue(kind, out var type))
        {
            throw new JsonException($"unknown event kind '{kind}'");
        }

        return (ApplicationEvent)(JsonSerializer.Deserialize(json, type, Options) ?? throw new JsonException("null event"));
    }
}
