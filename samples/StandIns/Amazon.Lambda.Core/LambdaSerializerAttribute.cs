using System;

namespace Amazon.Lambda.Core
{
    /// <summary>
    /// This attribute is required for serialization of input/output parameters of a Lambda function if your Lambda
    /// function uses types other than string or System.IO.Stream as input/output parameters.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method)]
    public sealed class LambdaSerializerAttribute : Attribute
    {
        /// <summary>Type of the serializer. The custom serializer must implement <see cref="ILambdaSerializer"/>.</summary>
        public Type SerializerType { get; set; }

        /// <summary>Constructs attribute with a specific serializer type.</summary>
        public LambdaSerializerAttribute(Type serializerType)
        {
            this.SerializerType = serializerType;
        }
    }
}
