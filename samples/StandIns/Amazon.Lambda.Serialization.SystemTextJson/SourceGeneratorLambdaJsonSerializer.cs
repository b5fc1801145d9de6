using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Amazon.Lambda.Serialization.SystemTextJson
{
    /// <summary>
    /// ILambdaSerializer implementation that uses the System.Text.Json source generator context
    /// <typeparamref name="TSGContext"/> instead of reflection.
    /// </summary>
    public class SourceGeneratorLambdaJsonSerializer<TSGContext> : DefaultLambdaJsonSerializer
        where TSGContext : JsonSerializerContext
    {
        private readonly TSGContext _jsonSerializerContext;

        /// <summary>Constructs instance of serializer.</summary>
        public SourceGeneratorLambdaJsonSerializer()
            : this(null, null)
        {
        }

        /// <summary>Constructs instance of serializer with the option to customize the JsonSerializerOptions.</summary>
        public SourceGeneratorLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
            : this(customizer, null)
        {
        }

        /// <summary>Constructs instance of serializer with the option to customize the JsonSerializerOptions and the JsonWriterOptions.</summary>
        public SourceGeneratorLambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer)
            : base(customizer, jsonWriterCustomizer)
        {
            _jsonSerializerContext = (TSGContext)Activator.CreateInstance(typeof(TSGContext), new object[] { SerializerOptions });
        }

        /// <inheritdoc/>
        protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response)
        {
            var typeInfo = (JsonTypeInfo<T>)_jsonSerializerContext.GetTypeInfo(typeof(T));
            JsonSerializer.Serialize(writer, response, typeInfo);
        }

        /// <inheritdoc/>
        protected override T InternalDeserialize<T>(byte[] utf8Json)
        {
            var typeInfo = (JsonTypeInfo<T>)_jsonSerializerContext.GetTypeInfo(typeof(T));
            return JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
    }
}
