using System;

namespace Amazon.Lambda.Annotations
{
    /// <summary>Assembly-wide settings of the Lambda Annotations source generator.</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public class LambdaGlobalPropertiesAttribute : Attribute
    {
        /// <summary>Generate a Main method so the project is deployed as an executable assembly.</summary>
        public bool GenerateMain { get; set; }

        /// <summary>The Lambda runtime identifier written to the CloudFormation template, for example dotnet8.</summary>
        public string Runtime { get; set; }
    }
}
