using System;

namespace Amazon.Lambda.Annotations
{
    /// <summary>
    /// Indicates the class is the startup class of the Lambda functions: its ConfigureServices(IServiceCollection)
    /// method registers the services that the generated handlers resolve.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    public class LambdaStartupAttribute : Attribute
    {
    }
}
