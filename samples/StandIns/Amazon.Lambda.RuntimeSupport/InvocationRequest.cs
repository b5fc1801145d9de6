using System;
using System.IO;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.RuntimeSupport
{
    /// <summary>Class that contains all the information necessary to handle an invocation of an AWS Lambda function.</summary>
    public class InvocationRequest : IDisposable
    {
        internal InvocationRequest(Stream inputStream, ILambdaContext lambdaContext)
        {
            InputStream = inputStream;
            LambdaContext = lambdaContext;
        }

        /// <summary>Input to the function invocation.</summary>
        public Stream InputStream { get; }

        /// <summary>Context for the invocation.</summary>
        public ILambdaContext LambdaContext { get; }

        /// <summary>Dispose the input stream.</summary>
        public void Dispose()
        {
            InputStream?.Dispose();
        }
    }
}
