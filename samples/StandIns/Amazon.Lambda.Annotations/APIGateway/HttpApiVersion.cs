namespace Amazon.Lambda.Annotations.APIGateway
{
    /// <summary>The payload format version of an API Gateway HTTP API.</summary>
    public enum HttpApiVersion
    {
        /// <summary>Payload format version 1.0.</summary>
        V1,

        /// <summary>Payload format version 2.0.</summary>
        V2,
    }
}
