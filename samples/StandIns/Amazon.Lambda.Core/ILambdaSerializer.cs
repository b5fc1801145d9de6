using System.IO;

namespace Amazon.Lambda.Core
{
    /// <summary>Interface that must be implemented by custom serializers that may need to be called during execution.</summary>
    public interface ILambdaSerializer
    {
        /// <summary>This method is called to deserialize the request payload from Invoke API into the object that is passed to the Lambda function handler.</summary>
        T Deserialize<T>(Stream requestStream);

        /// <summary>This method is called to serialize the result returned from a Lambda function handler into the response payload that is returned back to Invoke API.</summary>
        void Serialize<T>(T response, Stream responseStream);
    }
}
