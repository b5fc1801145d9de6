using System;
using System.IO;
using System.Text.Json;

namespace Amazon.Lambda.Serialization.SystemTextJson
{
    /// <summary>Base class of Lambda serializers that use System.Text.Json.</summary>
    public abstract class AbstractLambdaJsonSerializer
    {
        private readonly Action<JsonWriterOptions> _jsonWriterCustomizer;

        /// <summary>Create an instance of the serializer.</summary>
        protected AbstractLambdaJsonSerializer(Action<JsonWriterOptions> jsonWriterCustomizer)
        {
            _jsonWriterCustomizer = jsonWriterCustomizer;
        }

        /// <summary>Serializes a particular object to a stream.</summary>
        public void Serialize<T>(T response, Stream responseStream)
        {
            var writerOptions = new JsonWriterOptions();
            _jsonWriterCustomizer?.Invoke(writerOptions);
            using (var writer = new Utf8JsonWriter(responseStream, writerOptions))
            {
                InternalSerialize(writer, response);
            }
        }

        /// <summary>Deserializes a stream to a particular type.</summary>
        public T Deserialize<T>(Stream requestStream)
        {
            using (var buffer = new MemoryStream())
            {
                requestStream.CopyTo(buffer);
                return InternalDeserialize<T>(buffer.ToArray());
            }
        }

        /// <summary>Serializes the response into the writer.</summary>
        protected abstract void InternalSerialize<T>(Utf8JsonWriter writer, T response);

        /// <summary>Deserializes the UTF-8 JSON payload.</summary>
        protected abstract T InternalDeserialize<T>(byte[] utf8Json);
    }
}
