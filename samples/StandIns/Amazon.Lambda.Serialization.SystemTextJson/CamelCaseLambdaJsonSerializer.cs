using System;
using System.Text.Json;

namespace Amazon.Lambda.Serialization.SystemTextJson
{
    /// <summary>Serializer that writes property names in camel case.</summary>
    public class CamelCaseLambdaJsonSerializer : DefaultLambdaJsonSerializer
    {
        /// <summary>Constructs instance of serializer.</summary>
        public CamelCaseLambdaJsonSerializer()
            : base(options => options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase)
        {
        }

        /// <summary>Constructs instance of serializer with the option to customize the JsonSerializerOptions.</summary>
        public CamelCaseLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
            : base(options =>
            {
                options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                customizer?.Invoke(options);
            })
        {
        }
    }
}
