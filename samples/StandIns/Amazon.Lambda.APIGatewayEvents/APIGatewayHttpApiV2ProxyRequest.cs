using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents
{
    /// <summary>For request coming in from API Gateway HTTP API version 2 payload format.</summary>
    public class APIGatewayHttpApiV2ProxyRequest
    {
        /// <summary>The payload format version.</summary>
        public string Version { get; set; }

        /// <summary>The route key.</summary>
        public string RouteKey { get; set; }

        /// <summary>The raw path of the request.</summary>
        public string RawPath { get; set; }

        /// <summary>The raw query string of the request.</summary>
        public string RawQueryString { get; set; }

        /// <summary>Cookies sent with the request.</summary>
        public string[] Cookies { get; set; }

        /// <summary>Headers sent with the request; repeated headers are combined with commas.</summary>
        public IDictionary<string, string> Headers { get; set; }

        /// <summary>Query string parameters; repeated parameters are combined with commas.</summary>
        public IDictionary<string, string> QueryStringParameters { get; set; }

        /// <summary>The request context for the request.</summary>
        public ProxyRequestContext RequestContext { get; set; }

        /// <summary>The HTTP request body.</summary>
        public string Body { get; set; }

        /// <summary>The path parameters that were part of the request.</summary>
        public IDictionary<string, string> PathParameters { get; set; }

        /// <summary>True if the body of the request is base 64 encoded.</summary>
        public bool IsBase64Encoded { get; set; }

        /// <summary>The stage variables defined for the stage in API Gateway.</summary>
        public IDictionary<string, string> StageVariables { get; set; }

        /// <summary>The proxy request context.</summary>
        public class ProxyRequestContext
        {
            /// <summary>The account id that owns the executing Lambda function.</summary>
            public string AccountId { get; set; }

            /// <summary>The API Gateway HTTP API Id.</summary>
            public string ApiId { get; set; }

            /// <summary>The domain name of the request.</summary>
            public string DomainName { get; set; }

            /// <summary>The unique request id.</summary>
            public string RequestId { get; set; }

            /// <summary>The route key.</summary>
            public string RouteKey { get; set; }

            /// <summary>The API Gateway stage name.</summary>
            public string Stage { get; set; }

            /// <summary>Information about the HTTP request.</summary>
            public HttpDescription Http { get; set; }
        }

        /// <summary>Information about the HTTP elements of the request.</summary>
        public class HttpDescription
        {
            /// <summary>The HTTP method used.</summary>
            public string Method { get; set; }

            /// <summary>The path of the request.</summary>
            public string Path { get; set; }

            /// <summary>The protocol of the request.</summary>
            public string Protocol { get; set; }

            /// <summary>The source IP address of the caller.</summary>
            public string SourceIp { get; set; }

            /// <summary>The user agent of the caller.</summary>
            public string UserAgent { get; set; }
        }
    }
}
