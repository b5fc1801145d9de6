using System;

namespace Amazon.Lambda.Annotations.APIGateway
{
    /// <summary>Configures the Lambda function to be called from an API Gateway HTTP API.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class HttpApiAttribute : Attribute
    {
        /// <summary>Constructs a <see cref="HttpApiAttribute"/>.</summary>
        public HttpApiAttribute(LambdaHttpMethod method, string template)
        {
            Template = template;
            Method = method;
        }

        /// <summary>The payload format version.</summary>
        public HttpApiVersion Version { get; set; } = HttpApiVersion.V2;

        /// <summary>Resource path.</summary>
        public string Template { get; set; }

        /// <summary>The HTTP method.</summary>
        public LambdaHttpMethod Method { get; set; }
    }
}
