using System;

namespace Amazon.Lambda.Annotations.APIGateway
{
    /// <summary>Maps this parameter to the HTTP request body.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromBodyAttribute : Attribute
    {
    }
}
