using System;

namespace Amazon.Lambda.Annotations
{
    /// <summary>Indicates that the parameter is resolved from the dependency injection container per invocation.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public class FromServicesAttribute : Attribute
    {
    }
}
