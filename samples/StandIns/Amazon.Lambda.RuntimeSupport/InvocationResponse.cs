using System.IO;

namespace Amazon.Lambda.RuntimeSupport
{
    /// <summary>Class that contains the response for an invocation of an AWS Lambda function.</summary>
    public class InvocationResponse
    {
        /// <summary>Construct an InvocationResponse with an output stream that will be disposed by the Lambda runtime client.</summary>
        public InvocationResponse(Stream outputStream)
            : this(outputStream, true)
        {
        }

        /// <summary>Construct an InvocationResponse.</summary>
        public InvocationResponse(Stream outputStream, bool disposeOutputStream)
        {
            OutputStream = outputStream;
            DisposeOutputStream = disposeOutputStream;
        }

        /// <summary>Output from the function invocation.</summary>
        public Stream OutputStream { get; }

        /// <summary>True if the LambdaBootstrap should dispose the stream after it's finished, false otherwise.</summary>
        public bool DisposeOutputStream { get; }
    }
}
