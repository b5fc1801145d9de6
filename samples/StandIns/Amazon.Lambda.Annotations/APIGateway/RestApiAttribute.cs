using System;

namespace Amazon.Lambda.Annotations.APIGateway
{
    /// <summary>Configures the Lambda function to be called from an API Gateway REST API.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public class RestApiAttribute : Attribute
    {
        /// <summary>Constructs a <see cref="RestApiAttribute"/>.</summary>
        public RestApiAttribute(LambdaHttpMethod method, string template)
        {
            Template = template;
            Method = method;
        }

        /// <summary>Resource path.</summary>
        public string Template { get; set; }

        /// <summary>The HTTP method.</summary>
        public LambdaHttpMethod Method { get; set; }
    }
}
