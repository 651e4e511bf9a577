package org.patchlens.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The job's Parquet tables (docs/scale.md, "Tables"). Each is written partitioned by {@code hive_type}. A task
 * emits rows of one schema, {@link #UNION}: the table's name, the hive type and one struct per table, only the
 * named one set, so one pass over the hives feeds every table of a mode.
 */
final class Tables {
    private Tables() {
    }

    static final String KEYS = "keys";
    static final String VALUES = "values";
    static final String ARTIFACTS = "artifacts";
    static final String DELETED = "deleted";
    static final String FILES = "files";
    /** In the order of {@link #UNION}'s struct columns. */
    static final List<String> ALL = List.of(KEYS, VALUES, ARTIFACTS, DELETED, FILES);

    /** The partition column of every table. */
    static final String HIVE_TYPE = "hive_type";
    /** The hive type of a file that is not a hive (and of a file too large to look at). */
    static final String NO_TYPE = "none";

    private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);

    static final StructType KEY = struct(
            "host", DataTypes.StringType, "hive", DataTypes.StringType, "sha256", DataTypes.StringType,
            "key_path", DataTypes.StringType, "name", DataTypes.StringType, "last_written", DataTypes.StringType,
            "offset", DataTypes.LongType, "class_name", DataTypes.StringType);

    static final StructType VALUE = struct(
            "host", DataTypes.StringType, "hive", DataTypes.StringType, "sha256", DataTypes.StringType,
            "key_path", DataTypes.StringType, "key_name", DataTypes.StringType, "key_last_written", DataTypes.StringType,
            "key_offset", DataTypes.LongType, "key_class_name", DataTypes.StringType,
            "value_name", DataTypes.StringType, "type", DataTypes.StringType, "type_code", DataTypes.LongType,
            "size", DataTypes.IntegerType, "hex", DataTypes.StringType, "value", DataTypes.StringType,
            "value_list", STRINGS, "anomalies", STRINGS, "offset", DataTypes.LongType);

    static final StructType ARTIFACT = struct(
            "host", DataTypes.StringType, "hive", DataTypes.StringType, "sha256", DataTypes.StringType,
            "plugin", DataTypes.StringType, "key_path", DataTypes.StringType, "key_offset", DataTypes.LongType,
            "last_written", DataTypes.StringType, "value_name", DataTypes.StringType,
            "fields", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
            "field_offsets", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
            "notes", STRINGS);

    static final StructType DELETED_RECORD = struct(
            "host", DataTypes.StringType, "hive", DataTypes.StringType, "sha256", DataTypes.StringType,
            "kind", DataTypes.StringType, "label", DataTypes.StringType, "path", DataTypes.StringType,
            "path_complete", DataTypes.BooleanType, "name", DataTypes.StringType, "offset", DataTypes.LongType,
            "last_written", DataTypes.StringType, "parent_offset", DataTypes.LongType, "type", DataTypes.StringType,
            "type_code", DataTypes.LongType, "size", DataTypes.IntegerType, "hex", DataTypes.StringType,
            "value", DataTypes.StringType, "data_status", DataTypes.StringType);

    static final StructType FILE = struct(
            "host", DataTypes.StringType, "path", DataTypes.StringType, "sha256", DataTypes.StringType,
            "kind", DataTypes.StringType, "size", DataTypes.LongType, "keys", DataTypes.LongType,
            "values", DataTypes.LongType, "entries", DataTypes.LongType, "recovered", DataTypes.LongType,
            "damage_count", DataTypes.IntegerType, "damage", STRINGS, "replay", DataTypes.StringType,
            "error", DataTypes.StringType, "millis", DataTypes.LongType);

    private static final List<StructType> SCHEMAS = List.of(KEY, VALUE, ARTIFACT, DELETED_RECORD, FILE);

    static final StructType UNION;

    static {
        StructType u = new StructType().add("table", DataTypes.StringType, false).add(HIVE_TYPE, DataTypes.StringType,
                false);
        for (int i = 0; i < ALL.size(); i++) {
            u = u.add(ALL.get(i), SCHEMAS.get(i), true);
        }
        UNION = u;
    }

    /** A row of {@link #UNION} carrying {@code inner}, a row of {@code table}'s schema. */
    static Row of(String table, String hiveType, Object... inner) {
        Object[] cols = new Object[2 + ALL.size()];
        cols[0] = table;
        cols[1] = hiveType;
        int i = ALL.indexOf(table);
        if (inner.length != SCHEMAS.get(i).size()) {
            throw new IllegalArgumentException(table + ": " + inner.length + " columns, the schema has "
                    + SCHEMAS.get(i).size());
        }
        cols[2 + i] = RowFactory.create(inner);
        return RowFactory.create(cols);
    }

    private static StructType struct(Object... nameTypes) {
        StructField[] f = new StructField[nameTypes.length / 2];
        for (int i = 0; i < f.length; i++) {
            f[i] = DataTypes.createStructField((String) nameTypes[2 * i], (DataType) nameTypes[2 * i + 1], true);
        }
        return DataTypes.createStructType(f);
    }
}
