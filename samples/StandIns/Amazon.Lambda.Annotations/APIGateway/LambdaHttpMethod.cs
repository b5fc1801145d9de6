namespace Amazon.Lambda.Annotations.APIGateway
{
    /// <summary>HTTP methods an API Gateway route can match.</summary>
    public enum LambdaHttpMethod
    {
        /// <summary>Any method.</summary>
        Any,

        /// <summary>GET.</summary>
        Get,

        /// <summary>POST.</summary>
        Post,

        /// <summary>PUT.</summary>
        Put,

        /// <summary>PATCH.</summary>
        Patch,

        /// <summary>HEAD.</summary>
        Head,

        /// <summary>DELETE.</summary>
        Delete,

        /// <summary>OPTIONS.</summary>
        Options,
    }
}
