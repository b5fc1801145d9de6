using System.Collections.Generic;

namespace Amazon.Lambda.ApplicationLoadBalancerEvents
{
    /// <summary>The response object for Lambda functions handling requests from an Application Load Balancer.</summary>
    public class ApplicationLoadBalancerResponse
    {
        /// <summary>The HTTP status code for the request.</summary>
        public int StatusCode { get; set; }

        /// <summary>The HTTP status description for the request.</summary>
        public string StatusDescription { get; set; }

        /// <summary>The HTTP headers returned in the response (when multi-value headers are off for the target group).</summary>
        public IDictionary<string, string> Headers { get; set; }

        /// <summary>The HTTP headers returned in the response (when multi-value headers are on for the target group).</summary>
        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        /// <summary>The response body.</summary>
        public string Body { get; set; }

        /// <summary>Flag indicating whether the body should be treated as a base64-encoded string.</summary>
        public bool IsBase64Encoded { get; set; }
    }
}
