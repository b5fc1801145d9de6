using System;

namespace Amazon.Lambda.Core
{
    /// <summary>
    /// Object that allows you to access useful information available within the Lambda execution environment.
    /// </summary>
    public interface ILambdaContext
    {
        /// <summary>The AWS request ID associated with the request.</summary>
        string AwsRequestId { get; }

        /// <summary>Information about the client application and device when invoked through the AWS Mobile SDK. It can be null.</summary>
        IClientContext ClientContext { get; }

        /// <summary>Name of the Lambda function that is running.</summary>
        string FunctionName { get; }

        /// <summary>The Lambda function version that is executing.</summary>
        string FunctionVersion { get; }

        /// <summary>Information about the Amazon Cognito identity provider when invoked through the AWS Mobile SDK. Can be null.</summary>
        ICognitoIdentity Identity { get; }

        /// <summary>The ARN used to invoke this function.</summary>
        string InvokedFunctionArn { get; }

        /// <summary>Lambda logger associated with the Context object.</summary>
        ILambdaLogger Logger { get; }

        /// <summary>The CloudWatch log group name associated with the invoked function.</summary>
        string LogGroupName { get; }

        /// <summary>The CloudWatch log stream name for this function execution.</summary>
        string LogStreamName { get; }

        /// <summary>Memory limit, in MB, you configured for the Lambda function.</summary>
        int MemoryLimitInMB { get; }

        /// <summary>Remaining execution time till the function will be terminated.</summary>
        TimeSpan RemainingTime { get; }
    }
}
