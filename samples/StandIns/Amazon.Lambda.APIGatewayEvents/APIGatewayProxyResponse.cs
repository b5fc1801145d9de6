using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents
{
    /// <summary>The response object for Lambda functions handling request from API Gateway proxy.</summary>
    public class APIGatewayProxyResponse
    {
        /// <summary>The HTTP status code for the request.</summary>
        public int StatusCode { get; set; }

        /// <summary>The HTTP headers returned in the response.</summary>
        public IDictionary<string, string> Headers { get; set; }

        /// <summary>The HTTP headers returned in the response, with every value of a repeated header.</summary>
        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        /// <summary>The response body.</summary>
        public string Body { get; set; }

        /// <summary>Flag indicating whether the body should be treated as a base64-encoded string.</summary>
        public bool IsBase64Encoded { get; set; }
    }
}
