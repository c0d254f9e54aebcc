using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace OutreachBot.Storage;

/// <summary>
/// Serialises bot state the way Bot Builder's own storages do (type names kept, so a read returns the type that was
/// written), but only binds types from our own and the SDK's assemblies: stored JSON can never name an arbitrary type.
/// </summary>
internal static class StateSerializer
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = new TrustedTypesBinder(),
        MaxDepth = 64,
        NullValueHandling = NullValueHandling.Include,
    });

    public static string Serialize(object? value, string etagKey)
    {
        if (value is null)
        {
            return "null";
        }

        var token = JToken.FromObject(value, Serializer);
        if (token is JObject obj)
        {
            obj.Remove(etagKey);
            obj.Remove("ETag");
        }

        return token.ToString(Formatting.None);
    }

    public static object? Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
        return Serializer.Deserialize(reader);
    }

    private sealed class TrustedTypesBinder : DefaultSerializationBinder
    {
        private static readonly string[] TrustedPrefixes = ["OutreachBot", "Microsoft.Bot.", "System.Private.CoreLib", "System.Collections", "mscorlib", "Newtonsoft.Json"];

        public override Type BindToType(string? assemblyName, string typeName)
        {
            if (assemblyName is not null && !TrustedPrefixes.Any(p => assemblyName.StartsWith(p, StringComparison.Ordinal)))
            {
                throw new JsonSerializationException($"Stored state names an untrusted assembly '{assemblyName}'.");
            }

            return base.BindToType(assemblyName, typeName);
        }
    }
}
