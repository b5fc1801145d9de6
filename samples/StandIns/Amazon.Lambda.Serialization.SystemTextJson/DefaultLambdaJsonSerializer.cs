using System;
using System.Text.Json;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson
{
    /// <summary>Custom ILambdaSerializer implementation which uses System.Text.Json for serialization.</summary>
    public class DefaultLambdaJsonSerializer : AbstractLambdaJsonSerializer, ILambdaSerializer
    {
        /// <summary>The options used to serialize JSON objects.</summary>
        protected JsonSerializerOptions SerializerOptions { get; }

        /// <summary>Constructs instance of serializer.</summary>
        public DefaultLambdaJsonSerializer()
            : this(null, null)
        {
        }

        /// <summary>Constructs instance of serializer with the option to customize the JsonSerializerOptions.</summary>
        public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
            : this(customizer, null)
        {
        }

        /// <summary>Constructs instance of serializer with the option to customize the JsonSerializerOptions and the JsonWriterOptions.</summary>
        public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer)
            : base(jsonWriterCustomizer)
        {
            SerializerOptions = CreateDefaultJsonSerializationOptions();
            customizer?.Invoke(SerializerOptions);
        }

        /// <summary>Create the default JsonSerializerOptions used by the serializer.</summary>
        protected virtual JsonSerializerOptions CreateDefaultJsonSerializationOptions()
        {
            return new JsonSerializerOptions
            {
                PropertyNameCaseInsensitive = true,
            };
        }

        /// <inheritdoc/>
        protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response)
        {
            JsonSerializer.Serialize(writer, response, SerializerOptions);
        }

        /// <inheritdoc/>
        protected override T InternalDeserialize<T>(byte[] utf8Json)
        {
            return JsonSerializer.Deserialize<T>(utf8Json, SerializerOptions);
        }
    }
}
