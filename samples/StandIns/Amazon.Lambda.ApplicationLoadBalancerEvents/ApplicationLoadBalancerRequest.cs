using System.Collections.Generic;

namespace Amazon.Lambda.ApplicationLoadBalancerEvents
{
    /// <summary>For requests coming in from an Application Load Balancer.</summary>
    public class ApplicationLoadBalancerRequest
    {
        /// <summary>The request context for the request.</summary>
        public ALBRequestContext RequestContext { get; set; }

        /// <summary>The url path for the caller.</summary>
        public string Path { get; set; }

        /// <summary>The HTTP method used.</summary>
        public string HttpMethod { get; set; }

        /// <summary>The headers sent with the request (when multi-value headers are off for the target group).</summary>
        public IDictionary<string, string> Headers { get; set; }

        /// <summary>The headers sent with the request (when multi-value headers are on for the target group).</summary>
        public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

        /// <summary>The query string parameters (when multi-value headers are off for the target group).</summary>
        public IDictionary<string, string> QueryStringParameters { get; set; }

        /// <summary>The query string parameters (when multi-value headers are on for the target group).</summary>
        public IDictionary<string, IList<string>> MultiValueQueryStringParameters { get; set; }

        /// <summary>The HTTP request body.</summary>
        public string Body { get; set; }

        /// <summary>True if the body of the request is base 64 encoded.</summary>
        public bool IsBase64Encoded { get; set; }

        /// <summary>Information from the AWS resources that invoke the Lambda function.</summary>
        public class ALBRequestContext
        {
            /// <summary>Information about the source Application Load Balancer.</summary>
            public ElbInfo Elb { get; set; }
        }

        /// <summary>Information from the source Elastic Load Balancer.</summary>
        public class ElbInfo
        {
            /// <summary>The Application Load Balancer target group arn.</summary>
            public string TargetGroupArn { get; set; }
        }
    }
}
