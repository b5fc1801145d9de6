using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents
{
    /// <summary>
    /// For request coming in from API Gateway proxy (REST API, and HTTP API with payload format 1.0).
    /// </summary>
    public class APIGatewayProxyRequest
    {
        /// <summary>The resource path defined in API Gateway.</summary>
        public string Resource { get; set; }

        /// <summary>The url path for the caller.</summary>
        public string Path { get; set; }

        /// <summary>The HTTP method used.</summary>
        public string HttpMethod { get; set; }

        /// <summary>The headers sent with the request.</summary>
        public IDictionary<string, string> Headers { get; set; }

        /// <summary>The headers sent with the request, with every value of a repeated header.</summary>
        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        /// <summary>The query string parameters that were part of the request.</summary>
        public IDictionary<string, string> QueryStringParameters { get; set; }

        /// <summary>The query string parameters, with every value of a repeated parameter.</summary>
        public IDictionary<string, IList<string>> MultiValueQueryStringParameters { get; set; }

        /// <summary>The path parameters that were part of the request.</summary>
        public IDictionary<string, string> PathParameters { get; set; }

        /// <summary>The stage variables defined for the stage in API Gateway.</summary>
        public IDictionary<string, string> StageVariables { get; set; }

        /// <summary>The request context for the request.</summary>
        public ProxyRequestContext RequestContext { get; set; }

        /// <summary>The HTTP request body.</summary>
        public string Body { get; set; }

        /// <summary>True of the body of the request is base 64 encoded.</summary>
        public bool IsBase64Encoded { get; set; }

        /// <summary>The proxy request context.</summary>
        public class ProxyRequestContext
        {
            /// <summary>The resource full path including the API Gateway stage.</summary>
            public string Path { get; set; }

            /// <summary>The account id that owns the executing Lambda function.</summary>
            public string AccountId { get; set; }

            /// <summary>The API Gateway stage name.</summary>
            public string Stage { get; set; }

            /// <summary>The unique request id.</summary>
            public string RequestId { get; set; }

            /// <summary>The HTTP method used.</summary>
            public string HttpMethod { get; set; }

            /// <summary>The API Gateway rest API Id.</summary>
            public string ApiId { get; set; }

            /// <summary>The domain name of the request.</summary>
            public string DomainName { get; set; }
        }
    }
}
